package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.iris.company.control.CompanyLookup;
import org.iris.identity.entity.Account;
import org.iris.identity.entity.AccountRoute;
import org.iris.platform.entity.EmailAddress;
import org.iris.residency.control.EntityManagers;
import org.iris.platform.entity.Region;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/** Finds an account through its global route, by the keyed hash of its email. */
@ApplicationScoped
public class AccountRoutes {

    @Inject
    EntityManagers managers;

    @Inject
    CompanyLookup companies;

    public Optional<AccountRoute> route(String emailHash) {
        return Optional.ofNullable(managers.global().find(AccountRoute.class, emailHash));
    }

    /**
     * The region that holds the email's account, else the one an account of it would open in (that
     * of the company owning its domain). Both are looked up whatever exists, so that the question
     * costs the same either way.
     */
    public Region home(String emailHash, EmailAddress email) {
        Region opening = companies.forEmailDomain(email.domain()).region();
        return route(emailHash).map(AccountRoute::region).orElse(opening);
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
