package org.iris.company.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.iris.company.control.CompanyRoutes;
import org.iris.company.entity.Company;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.entity.Account;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.RepairDue;
import org.iris.residency.control.Transactions;
import org.iris.platform.entity.Region;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Derives the global routing entries that a crash between the two commits of a company or account
 * write left missing or stale, at each {@link RepairDue}. Companies are few and all are checked;
 * accounts are many, so only those created in the last {@link #RECENT_ACCOUNTS} are (a crash is
 * followed by a restart, and a repair, long before that).
 */
@ApplicationScoped
public class RouteRepair {

    static final Duration RECENT_ACCOUNTS = Duration.ofDays(7);

    private static final Logger LOG = Logger.getLogger(RouteRepair.class.getName());

    @Inject
    EntityManagers managers;

    @Inject
    CompanyRoutes routes;

    @Inject
    AccountRoutes accountRoutes;

    @Inject
    Transactions transactions;

    void repair(@Observes RepairDue due) {
        Region region = due.region();
        OffsetDateTime settled = due.settled();
        try {
            List<Company> companies = managers.of(region)
                    .createQuery("SELECT c FROM Company c WHERE c.createdAt < :settled", Company.class)
                    .setParameter("settled", settled)
                    .getResultList();
            int repaired = transactions.commit(() -> routes.reconcile(region, companies));
            if (repaired > 0) {
                LOG.warning(() -> "Repaired " + repaired + " company routes of region " + region);
            }
            List<Account> accounts = managers.of(region)
                    .createQuery("SELECT a FROM Account a WHERE a.createdAt < :settled AND a.createdAt > :recent", Account.class)
                    .setParameter("settled", settled)
                    .setParameter("recent", settled.minus(RECENT_ACCOUNTS))
                    .getResultList();
            int accountsRepaired = transactions.commit(() -> accountRoutes.reconcile(region, accounts));
            if (accountsRepaired > 0) {
                LOG.warning(() -> "Repaired " + accountsRepaired + " account routes of region " + region);
            }
        } catch (RuntimeException e) {
            // One region down must not stop the others; the next run tries again.
            LOG.log(Level.WARNING, "Route repair of region " + region + " failed", e);
        }
    }
}
