package org.iris.network.boundary;

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
import org.iris.network.control.EmailInvitations;
import org.iris.platform.control.DatabaseFailures;
import org.iris.residency.control.Boundaries;
import org.iris.platform.entity.Region;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code iris.invitations.poll-seconds}, decides the invitations by email that were answered
 * but not yet decided ({@link EmailInvitations}), oldest first, {@value #BATCH} per region a round. A
 * scan of database state: what a node leaves undecided when it stops, another decides.
 */
@Singleton
@Startup
@DependsOn("Boundaries")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InvitationDelivery {

    static final int BATCH = 50;
    private static final Logger LOG = Logger.getLogger(InvitationDelivery.class.getName());

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "iris.invitations.poll-seconds")
    long pollSeconds;

    @Inject
    Boundaries boundaries;

    @Inject
    EmailInvitations invitations;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long interval = Duration.ofSeconds(pollSeconds).toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("invitations by email", false));
    }

    @Timeout
    void deliver() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (Region region : boundaries.served()) {
                deliver(region);
            }
        } finally {
            running.set(false);
        }
    }

    private void deliver(Region region) {
        try {
            for (UUID id : invitations.undecided(region, BATCH)) {
                try {
                    invitations.decide(region, id);
                } catch (RuntimeException e) {
                    if (DatabaseFailures.unavailable(e)) {
                        throw e; // the round stops; these invitations wait for the database
                    }
                    LOG.log(Level.WARNING, "An invitation by email of region " + region + " was not decided now", e);
                }
            }
        } catch (RuntimeException e) {
            // one region down must not stop the others; its invitations wait for the next round
            if (DatabaseFailures.unavailable(e)) {
                LOG.warning(() -> "A database is unavailable; the invitations by email of region " + region + " wait: " + e);
            } else {
                LOG.log(Level.WARNING, "Deciding the invitations by email of region " + region + " failed", e);
            }
        }
    }
}
