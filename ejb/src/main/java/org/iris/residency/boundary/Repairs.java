package org.iris.residency.boundary;

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
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.RepairDue;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every {@code iris.repair.interval-seconds}, on every node, asks each feature to repair, region by
 * region, what a crash between two commits left behind ({@link RepairDue}). A scan of database
 * state, idempotent, never one timer per row: no timer survives a Payara Micro restart, so nothing
 * depends on one. A round still running when the next is due makes that one skip.
 */
@Singleton
@Startup
@DependsOn("Boundaries")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Repairs {

    /** Writes younger than this may still be on their way to their second boundary; leave them be. */
    static final Duration SETTLING = Duration.ofMinutes(1);

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "iris.repair.interval-seconds")
    long intervalSeconds;

    @Inject
    Boundaries boundaries;

    @Inject
    Event<RepairDue> due;

    @Inject
    Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long interval = Duration.ofSeconds(intervalSeconds).toMillis();
        timers.createIntervalTimer(Math.min(interval, 5_000), interval, new TimerConfig("repairs", false));
    }

    @Timeout
    void repair() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            OffsetDateTime settled = OffsetDateTime.now(clock).minus(SETTLING);
            boundaries.served().forEach(region -> due.fire(new RepairDue(region, settled)));
        } finally {
            running.set(false);
        }
    }
}
