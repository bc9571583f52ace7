package org.iris.company.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.company.control.CompanyRoutes;
import org.iris.company.entity.Company;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.entity.Account;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;
import org.iris.residency.entity.Region;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Derives the global routing entries that a crash between the two commits of a company or account
 * write left missing or stale. Companies are few and all are checked; accounts are many, so only
 * those created in the last {@link #RECENT_ACCOUNTS} are (a crash is followed by a restart, and a
 * repair, long before that). A scan of database state, on every node, idempotent: no timer survives a
 * Payara Micro restart, so nothing here depends on one.
 */
@Singleton
@Startup
@DependsOn("Boundaries")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RouteRepair {

    /** Writes younger than this may still be on their way to {@code global}; leave them be. */
    static final Duration SETTLING = Duration.ofMinutes(1);

    static final Duration RECENT_ACCOUNTS = Duration.ofDays(7);

    private static final Logger LOG = Logger.getLogger(RouteRepair.class.getName());

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "iris.repair.interval-seconds")
    long intervalSeconds;

    @Inject
    Boundaries boundaries;

    @Inject
    EntityManagers managers;

    @Inject
    CompanyRoutes routes;

    @Inject
    AccountRoutes accountRoutes;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long interval = Duration.ofSeconds(intervalSeconds).toMillis();
        timers.createIntervalTimer(Math.min(interval, 5_000), interval, new TimerConfig("routes", false));
    }

    @Timeout
    void repair() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            OffsetDateTime settled = OffsetDateTime.now(clock).minus(SETTLING);
            for (Region region : boundaries.served()) {
                repair(region, settled);
            }
        } finally {
            running.set(false);
        }
    }

    private void repair(Region region, OffsetDateTime settled) {
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
