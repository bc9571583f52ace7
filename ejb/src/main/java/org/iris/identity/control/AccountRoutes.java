package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.iris.identity.entity.Account;
import org.iris.identity.entity.AccountRoute;
import org.iris.platform.entity.EmailAddress;
import org.iris.residency.control.EntityManagers;
import org.iris.platform.entity.Region;

import java.util.Collection;
import java.util.List;

import java.util.Optional;
import java.util.UUID;

/** Finds an account through its global route, by the keyed hash of its email. */
@ApplicationScoped
public class AccountRoutes {

    @Inject
    EntityManagers managers;

    @Inject
    Tenancy tenancy;

    public Optional<AccountRoute> route(String emailHash) {
        return Optional.ofNullable(managers.global().find(AccountRoute.class, emailHash));
    }

    /**
     * The region that holds the email's account, else the one an account of it would open in (that
     * of the company owning its domain). Both are looked up whatever exists, so that the question
     * costs the same either way.
     */
    public Region home(String emailHash, EmailAddress email) {
        Region opening = tenancy.home(email).region();
        return route(emailHash).map(AccountRoute::region).orElse(opening);
    }

    /** How many accounts of the region a directory may list: the active ones, but for superadmins. */
    public long listable(Region region) {
        return ((Number) managers.of(region).createNativeQuery("SELECT count(*) FROM account a WHERE a.status = 'ACTIVE'"
                        + " AND NOT EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role = 'superadmin')")
                .getSingleResult()).longValue();
    }

    /** The next {@code batch} of those accounts after {@code after} (null: from the first), by id. */
    @SuppressWarnings("unchecked")
    public List<UUID> listable(Region region, UUID after, int batch) {
        var query = managers.of(region).createNativeQuery("SELECT a.id FROM account a WHERE a.status = 'ACTIVE'"
                + (after == null ? "" : " AND a.id > ?")
                + " AND NOT EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role = 'superadmin')"
                + " ORDER BY a.id");
        if (after != null) {
            query.setParameter(1, after);
        }
        return ((List<Object>) query.setMaxResults(batch).getResultList()).stream()
                .map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()))
                .toList();
    }

    /** Accounts of the region by their ids (those that exist). */
    public List<Account> byIds(Region region, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return managers.of(region).createQuery("SELECT a FROM Account a WHERE a.id IN :ids", Account.class)
                .setParameter("ids", ids)
                .getResultStream()
                .map(account -> account.in(region))
                .toList();
    }

    /** Accounts of the region created in that window, for the route repair. */
    public List<Account> createdBetween(Region region, java.time.OffsetDateTime after, java.time.OffsetDateTime before) {
        return managers.of(region)
                .createQuery("SELECT a FROM Account a WHERE a.createdAt < :settled AND a.createdAt > :recent", Account.class)
                .setParameter("settled", before)
                .setParameter("recent", after)
                .getResultList();
    }

    /**
     * {@link #find(String)}, reading a region even for an email that has no account, so that the
     * answer takes as long either way (a login).
     */
    public Optional<Account> findEvenly(String emailHash) {
        Optional<AccountRoute> route = route(emailHash);
        if (route.isEmpty()) {
            managers.of(Region.DEFAULT).find(Account.class, java.util.UUID.randomUUID());
            return Optional.empty();
        }
        return find(route.get().region(), route.get().accountId());
    }

    public Optional<Account> find(String emailHash) {
        return route(emailHash).flatMap(route -> find(route.region(), route.accountId()));
    }

    /** The route of an account known by its id. */
    public Optional<AccountRoute> routeOf(UUID accountId) {
        return managers.global()
                .createQuery("SELECT r FROM AccountRoute r WHERE r.accountId = :id", AccountRoute.class)
                .setParameter("id", accountId)
                .getResultStream()
                .findFirst();
    }

    /** An account known by its id, in whichever region it lives. */
    public Optional<Account> find(UUID accountId) {
        return routeOf(accountId).flatMap(route -> find(route.region(), accountId));
    }

    public Optional<Account> find(Region region, UUID accountId) {
        return Optional.ofNullable(managers.of(region).find(Account.class, accountId)).map(account -> account.in(region));
    }

    /**
     * The account with its roles in one round trip, for a read that changes nothing: unlike
     * {@link #find}, it always asks the database (and flushes the caller's pending changes first).
     */
    public Optional<Account> read(Region region, UUID accountId) {
        return managers.of(region).createNamedQuery(Account.WITH_ROLES, Account.class)
                .setParameter("id", accountId)
                .getResultStream().findFirst().map(account -> account.in(region));
    }

    /** The account, if it is a member of that company (which lives in that region). */
    public Optional<Account> member(Region region, UUID companyId, UUID accountId) {
        return find(region, accountId).filter(account -> account.companyId().equals(companyId));
    }

    /** Locks the account's row for the caller's transaction in its region. */
    public Optional<Account> lock(Region region, UUID accountId) {
        return Optional.ofNullable(managers.of(region).find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE))
                .map(account -> account.in(region));
    }

    /**
     * Routes the accounts of a region that have no route (a crash between the region's commit and
     * global's); runs in the caller's transaction on {@code global}.
     *
     * @return how many were missing
     */
    public int reconcile(Region region, Collection<Account> accounts) {
        int repaired = 0;
        for (Account account : accounts) {
            if (route(account.emailHash()).isEmpty()) {
                managers.global().persist(AccountRoute.of(account.in(region)));
                repaired++;
            }
        }
        return repaired;
    }

    /** Routes the account; runs in the caller's transaction on {@code global}. */
    public void record(Account account) {
        if (route(account.emailHash()).isEmpty()) {
            managers.global().persist(AccountRoute.of(account));
        }
    }
}
