package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iris.identity.entity.Account;
import org.iris.platform.control.Page;
import org.iris.platform.entity.Region;
import org.iris.platform.entity.VisibilityMode;
import org.iris.residency.control.EntityManagers;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The accounts of one company, as those who administer companies need them. The company lives in
 * the region given, and so do its members.
 */
@ApplicationScoped
public class Memberships {

    @Inject
    EntityManagers managers;

    /** By name, a page at a time. */
    public List<Account> of(Region region, UUID companyId, Page page) {
        return managers.of(region).createQuery("SELECT a FROM Account a WHERE a.companyId = :id"
                        + " ORDER BY a.lastName, a.firstName, a.id", Account.class)
                .setParameter("id", companyId)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultStream()
                .map(account -> account.in(region))
                .toList();
    }

    public long count(Region region, UUID companyId) {
        return managers.of(region).createQuery("SELECT count(a) FROM Account a WHERE a.companyId = :id", Long.class)
                .setParameter("id", companyId)
                .getSingleResult();
    }

    /**
     * Members whose own mode the company's new mode no longer allows inherit the company's again;
     * runs in the caller's transaction in the region.
     */
    public void keepOwnModesWithin(Region region, UUID companyId, Set<VisibilityMode> allowed) {
        var update = managers.of(region).createQuery("UPDATE Account a SET a.visibilityMode = NULL WHERE a.companyId = :id"
                        + " AND a.visibilityMode IS NOT NULL" + (allowed.isEmpty() ? "" : " AND a.visibilityMode NOT IN :allowed"))
                .setParameter("id", companyId);
        if (!allowed.isEmpty()) {
            update.setParameter("allowed", List.copyOf(allowed));
        }
        update.executeUpdate();
    }
}
