package org.iris.bubble.boundary;

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
import org.iris.bubble.control.GuestInvitations;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.RegionRounds;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Every {@code iris.invitations.poll-seconds}, decides the guest invitations answered but not yet
 * decided ({@link GuestInvitations}), oldest first, {@value #BATCH} per region a round: a scan of
 * database state, so that what one node leaves undecided another decides. One invitation that fails
 * is held and stops no other. Guests whose invitation ended are removed in the same round.
 */
@Singleton
@Startup
@DependsOn("Boundaries")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GuestDelivery {

    static final int BATCH = 50;
    private static final Logger LOG = Logger.getLogger(GuestDelivery.class.getName());

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "iris.invitations.poll-seconds")
    long pollSeconds;

    @Inject
    Boundaries boundaries;

    @Inject
    GuestInvitations invitations;

    @Inject
    Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long interval = Duration.ofSeconds(pollSeconds).toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("guest invitations", false));
    }

    @Timeout
    void deliver() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            RegionRounds.decide(boundaries.served(), "guest invitations", LOG, region -> {
                invitations.purgeExpired(region, clock.instant(), BATCH);
                return invitations.undecided(region, BATCH);
            }, invitations::decide);
        } finally {
            running.set(false);
        }
    }
}
