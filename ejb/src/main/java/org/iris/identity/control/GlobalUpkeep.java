package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.RepairDue;
import org.iris.residency.control.Transactions;
import org.iris.platform.entity.Region;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forgets, once a repair round, what {@code global} no longer needs: throttle counters whose window is
 * long over (an attacker trying a million emails leaves a million of them) and revoked tokens that
 * have expired anyway.
 */
@ApplicationScoped
public class GlobalUpkeep {

    /** Longer than any throttle's window (the daily invitation budget). */
    static final Duration LONGEST_WINDOW = Duration.ofDays(2);
    private static final Logger LOG = Logger.getLogger(GlobalUpkeep.class.getName());

    @Inject
    Throttles throttles;

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    void tidy(@Observes RepairDue due) {
        if (due.region() != Region.DEFAULT) {
            return; // global once a round, not once per region
        }
        Instant now = clock.instant();
        try {
            transactions.run(() -> {
                throttles.purge(now.minus(LONGEST_WINDOW), now);
                managers.global().createQuery("DELETE FROM RevokedToken t WHERE t.expiresAt < :now")
                        .setParameter("now", now.atOffset(ZoneOffset.UTC))
                        .executeUpdate();
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Tidying global failed; the next round tries again", e);
        }
    }
}
