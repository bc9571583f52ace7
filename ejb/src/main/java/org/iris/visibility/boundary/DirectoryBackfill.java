package org.iris.visibility.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.entity.Account;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;
import org.iris.platform.entity.Region;
import org.iris.visibility.control.Directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lists in the directory the accounts that are not in it: those created before it existed (an
 * upgrade), or loaded straight into a database. Runs shortly after start-up, in batches, one
 * transaction per batch; the directory is derived data, so doing this again is harmless. A region whose
 * database does not answer is tried again {@value #RETRY_SECONDS} seconds later, until it is done.
 */
@Singleton
@Startup
@DependsOn("Boundaries")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DirectoryBackfill {

    private static final int BATCH = 500;
    static final int RETRY_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(DirectoryBackfill.class.getName());

    @Resource
    TimerService timers;

    @Inject
    Boundaries boundaries;

    @Inject
    EntityManagers managers;

    @Inject
    AccountRoutes accounts;

    @Inject
    Directory directory;

    @Inject
    Transactions transactions;

    @PostConstruct
    void schedule() {
        timers.createSingleActionTimer(2_000, new TimerConfig("directory-backfill", false));
    }

    @Timeout
    void backfill() {
        boolean failed = false;
        for (Region region : boundaries.served()) {
            try {
                var entityManager = managers.of(region);
                if (accounts.listable(region) == directory.listed(entityManager)) {
                    continue; // every account is listed: the usual start
                }
                int listed = 0;
                UUID after = null;
                List<UUID> batch;
                do {
                    batch = accounts.listable(region, after, BATCH);
                    List<UUID> ids = batch;
                    listed += transactions.commit(() -> {
                        Set<UUID> already = directory.listedAmong(entityManager, ids);
                        int entered = 0;
                        for (UUID id : ids) {
                            var account = already.contains(id) ? Optional.<Account>empty() : accounts.find(region, id);
                            if (account.isPresent()) {
                                directory.enter(entityManager, account.get());
                                entered++;
                            }
                        }
                        return entered;
                    });
                    after = batch.isEmpty() ? after : batch.get(batch.size() - 1);
                } while (batch.size() == BATCH);
                if (listed > 0) {
                    int total = listed;
                    LOG.info(() -> "Listed " + total + " accounts of region " + region + " in the directory");
                }
            } catch (RuntimeException e) {
                failed = true;
                LOG.log(Level.WARNING, "Directory backfill of region " + region + " failed; it is tried again in "
                        + RETRY_SECONDS + " s", e);
            }
        }
        if (failed) {
            timers.createSingleActionTimer(RETRY_SECONDS * 1_000L, new TimerConfig("directory-backfill", false));
        }
    }
}
