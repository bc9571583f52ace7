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
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.RegionRounds;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
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
            RegionRounds.decide(boundaries.served(), "invitations by email", LOG,
                    region -> invitations.undecided(region, BATCH), invitations::decide);
        } finally {
            running.set(false);
        }
    }
}
