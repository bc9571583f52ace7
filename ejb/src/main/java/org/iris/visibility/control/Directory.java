package org.iris.visibility.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.iris.company.entity.Company;
import org.iris.platform.entity.VisibilityMode;
import org.iris.identity.entity.Account;
import org.iris.platform.entity.Roles;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the directory (table {@code directory_entry}) in step with accounts: their words and what
 * their modes mean for search. The email is a word of its own ({@code email_word}), never findable
 * from outside the company: only colleagues and the network match it ({@link SearchScope}). Every method runs in the caller's transaction in the account's region,
 * beside the change it follows, so the directory never disagrees with a committed account.
 * Superadmins are platform operators, not collaborators: they are not in the directory.
 */
@ApplicationScoped
public class Directory {

    /** Writes (or rewrites) the account's entries, as its own and its company's modes say. */
    public void enter(EntityManager region, Account account) {
        region.flush();
        remove(region, account.id());
        if (account.roles().contains(Roles.SUPERADMIN) || account.status() != Account.Status.ACTIVE) {
            return;
        }
        VisibilityMode companyMode = region.find(Company.class, account.companyId()).visibilityMode();
        VisibilityMode member = account.visibilityMode().orElse(null);
        boolean findable = SearchScope.findable(companyMode, member);
        boolean inOrganization = SearchScope.findableInOrganization(companyMode, member);
        Set<String> names = SearchTerms.of(account.name().first(), account.name().last());
        for (String token : names) {
            insert(region, account, token, findable, inOrganization, false);
        }
        String email = SearchTerms.email(account.email());
        if (!names.contains(email)) {
            // seen only by colleagues and the network (SearchScope), so never findable from outside
            insert(region, account, email, false, false, true);
        }
    }

    private static void insert(EntityManager region, Account account, String token, boolean findable,
                               boolean inOrganization, boolean email) {
        region.createNativeQuery("INSERT INTO directory_entry (account_id, token, company_id, findable,"
                        + " findable_in_organization, email_word) VALUES (?, ?, ?, ?, ?, ?)")
                .setParameter(1, account.id())
                .setParameter(2, token)
                .setParameter(3, account.companyId())
                .setParameter(4, findable)
                .setParameter(5, inOrganization)
                .setParameter(6, email)
                .executeUpdate();
    }

    public void remove(EntityManager region, UUID accountId) {
        region.createNativeQuery("DELETE FROM directory_entry WHERE account_id = ?")
                .setParameter(1, accountId)
                .executeUpdate();
    }

    /**
     * After a company's mode changed (and its members' overrides were brought in line): what the new
     * mode means for each member's entries. Members with their own mode keep theirs.
     */
    public void follow(EntityManager region, UUID companyId, VisibilityMode companyMode) {
        region.createNativeQuery("UPDATE directory_entry SET findable = ?, findable_in_organization = ?"
                        + " WHERE company_id = ? AND NOT email_word AND account_id IN"
                        + " (SELECT a.id FROM account a WHERE a.company_id = ? AND a.visibility_mode IS NULL)")
                .setParameter(1, SearchScope.findable(companyMode, null))
                .setParameter(2, SearchScope.findableInOrganization(companyMode, null))
                .setParameter(3, companyId)
                .setParameter(4, companyId)
                .executeUpdate();
        for (VisibilityMode member : List.of(VisibilityMode.PUBLIC, VisibilityMode.PRIVATE)) {
            region.createNativeQuery("UPDATE directory_entry SET findable = ?, findable_in_organization = ?"
                            + " WHERE company_id = ? AND NOT email_word AND account_id IN"
                            + " (SELECT a.id FROM account a WHERE a.company_id = ? AND a.visibility_mode = ?)")
                    .setParameter(1, SearchScope.findable(companyMode, member))
                    .setParameter(2, SearchScope.findableInOrganization(companyMode, member))
                    .setParameter(3, companyId)
                    .setParameter(4, companyId)
                    .setParameter(5, member.name())
                    .executeUpdate();
        }
    }

    /** Accounts of the region that have no entries yet (created before the directory existed), a batch at a time. */
    public List<UUID> unlisted(EntityManager region, int batch) {
        @SuppressWarnings("unchecked")
        List<Object> ids = region.createNativeQuery("SELECT a.id FROM account a WHERE a.status = 'ACTIVE'"
                        + " AND NOT EXISTS (SELECT 1 FROM directory_entry d WHERE d.account_id = a.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role = 'superadmin')")
                .setMaxResults(batch)
                .getResultList();
        return ids.stream().map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())).toList();
    }
}
