package org.iris.visibility.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.iris.company.control.CompanyLookup;
import org.iris.company.entity.Company;
import org.iris.company.entity.CompanyModeChanged;
import org.iris.identity.entity.Account;
import org.iris.identity.entity.AccountChanged;
import org.iris.platform.entity.Roles;
import org.iris.platform.entity.VisibilityMode;
import org.iris.residency.control.EntityManagers;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the directory in step with accounts and companies, in the transaction of the change it
 * follows ({@link AccountChanged}, {@link CompanyModeChanged}, fired synchronously), so that it never disagrees with a committed account: each listed user's words
 * ({@code directory_entry}) with what their modes mean for search, and what a result shows of them
 * ({@code directory_person}). The email is a word of its own ({@code email_word}), never findable
 * from outside the company: only colleagues and the network match it ({@link SearchScope}).
 * Superadmins are platform operators, not collaborators: they are not listed.
 */
@ApplicationScoped
public class Directory {

    @Inject
    EntityManagers managers;

    @Inject
    CompanyLookup companies;

    void changed(@Observes AccountChanged event) {
        enter(managers.of(event.account().region()), event.account());
    }

    void followed(@Observes CompanyModeChanged event) {
        follow(managers.of(event.region()), event.companyId(), event.mode());
    }

    /** Writes (or rewrites) the account's entries, as its own and its company's modes say. */
    public void enter(EntityManager region, Account account) {
        region.flush();
        remove(region, account.id());
        if (account.roles().contains(Roles.SUPERADMIN) || account.status() != Account.Status.ACTIVE) {
            return;
        }
        Company company = companies.in(region, account.companyId());
        VisibilityMode member = account.visibilityMode().orElse(null);
        region.createNativeQuery("INSERT INTO directory_person (account_id, company_id, first_name, last_name, title, email,"
                        + " member_mode) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, account.id())
                .setParameter(2, account.companyId())
                .setParameter(3, account.name().first())
                .setParameter(4, account.name().last())
                .setParameter(5, account.title())
                .setParameter(6, account.email())
                .setParameter(7, member == null ? null : member.name())
                .executeUpdate();
        boolean findable = SearchScope.findable(company.visibilityMode(), member);
        boolean inOrganization = SearchScope.findableInOrganization(company.visibilityMode(), member);
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
        region.createNativeQuery("DELETE FROM directory_person WHERE account_id = ?")
                .setParameter(1, accountId)
                .executeUpdate();
    }

    /**
     * After a company's mode changed (and its members' own modes were brought in line): what the new
     * mode means for each member's entries. Members with their own mode keep theirs where it is still
     * allowed; the others inherit the company's.
     */
    public void follow(EntityManager region, UUID companyId, VisibilityMode companyMode) {
        List<VisibilityMode> allowed = List.copyOf(companyMode.memberOverrides());
        var inherit = region.createNativeQuery("UPDATE directory_person SET member_mode = NULL WHERE company_id = ?"
                + " AND member_mode IS NOT NULL" + (allowed.isEmpty() ? ""
                : " AND member_mode NOT IN (" + String.join(", ", Collections.nCopies(allowed.size(), "?")) + ")"))
                .setParameter(1, companyId);
        for (int i = 0; i < allowed.size(); i++) {
            inherit.setParameter(i + 2, allowed.get(i).name());
        }
        inherit.executeUpdate();
        // members who inherit the company's mode (null), then those with a mode of their own
        for (VisibilityMode member : Arrays.asList(null, VisibilityMode.PUBLIC, VisibilityMode.PRIVATE)) {
            region.createNativeQuery("UPDATE directory_entry SET findable = ?, findable_in_organization = ?"
                            + " WHERE company_id = ? AND NOT email_word AND account_id IN"
                            + " (SELECT p.account_id FROM directory_person p WHERE p.company_id = ? AND p.member_mode "
                            + (member == null ? "IS NULL" : "= '" + member.name() + "'") + ")")
                    .setParameter(1, SearchScope.findable(companyMode, member))
                    .setParameter(2, SearchScope.findableInOrganization(companyMode, member))
                    .setParameter(3, companyId)
                    .setParameter(4, companyId)
                    .executeUpdate();
        }
    }

    /** How many users the region's directory lists. */
    public long listed(EntityManager region) {
        return ((Number) region.createNativeQuery("SELECT count(*) FROM directory_person").getSingleResult()).longValue();
    }

    /** Those of the accounts that the directory lists. */
    @SuppressWarnings("unchecked")
    public Set<UUID> listedAmong(EntityManager region, List<UUID> accounts) {
        Set<UUID> listed = new HashSet<>();
        if (accounts.isEmpty()) {
            return listed;
        }
        var query = region.createNativeQuery("SELECT account_id FROM directory_person WHERE account_id IN ("
                + String.join(", ", Collections.nCopies(accounts.size(), "?")) + ")");
        for (int i = 0; i < accounts.size(); i++) {
            query.setParameter(i + 1, accounts.get(i));
        }
        for (Object id : (List<Object>) query.getResultList()) {
            listed.add(id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()));
        }
        return listed;
    }
}
