package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.iris.identity.entity.Account;
import org.iris.residency.control.RepairDue;
import org.iris.residency.control.Transactions;

import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Routes, at each {@link RepairDue}, the accounts that a crash between the region's commit and
 * {@code global}'s left without a route. Accounts are many, so only those created in the last
 * {@link #RECENT} are checked (a crash is followed by a restart, and a repair, long before that).
 */
@ApplicationScoped
public class AccountRouteRepair {

    static final Duration RECENT = Duration.ofDays(7);
    private static final Logger LOG = Logger.getLogger(AccountRouteRepair.class.getName());

    @Inject
    AccountRoutes routes;

    @Inject
    Transactions transactions;

    void repair(@Observes RepairDue due) {
        due.repair("account routes", LOG, () -> {
            List<Account> accounts = routes.createdBetween(due.region(), due.settled().minus(RECENT), due.settled());
            return transactions.commit(() -> routes.reconcile(due.region(), accounts));
        });
    }
}
