package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.iris.identity.entity.Account;
import org.iris.identity.entity.AccountChanged;
import org.iris.identity.entity.AccountOpened;
import org.iris.residency.control.Transactions;

/**
 * Opening an account, whichever way it comes (self-registration, a company invitation, the bootstrap
 * superadmin): stored in its region first, in the caller's transaction there, then routed in
 * {@code global} once that has committed (a crash in between leaves what the route repair restores),
 * then announced.
 */
@ApplicationScoped
public class AccountOpening {

    @Inject
    AccountRoutes routes;

    @Inject
    Transactions transactions;

    @Inject
    Event<AccountChanged> changed;

    @Inject
    Event<AccountOpened> opened;

    /** Stores the account; runs in the caller's transaction in its region. */
    public void store(EntityManager region, Account account) {
        region.persist(account);
        changed.fire(new AccountChanged(account));
    }

    /** Routes the stored account in {@code global} and says it is open; after the region's commit. */
    public void route(Account account) {
        transactions.run(() -> routes.record(account));
        opened.fire(new AccountOpened(account));
    }
}
