package org.iris.mail.boundary;

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
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.mail.control.MailTransport;
import org.iris.mail.entity.OutboxMail;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;
import org.iris.residency.entity.Region;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the outboxes of the served regions hold, every {@code iris.mail.poll-seconds}. A mail is
 * claimed before it is sent, so that two nodes never send it both; one the server refuses is tried
 * again later, ever less often (at most {@code iris.mail.retry-max-seconds} apart), until it goes.
 * A scan of database state, so that nothing is lost when a node restarts.
 */
@Singleton
@Startup
@DependsOn("Boundaries")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());
    private static final int BATCH = 20;
    /** Long enough for one batch to be sent; a node that dies mid-batch leaves its claims to expire. */
    private static final Duration CLAIM = Duration.ofMinutes(2);

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "iris.mail.poll-seconds")
    long pollSeconds;

    @Inject
    @ConfigProperty(name = "iris.mail.retry-max-seconds")
    long retryMaxSeconds;

    @Inject
    @ConfigProperty(name = "iris.mail.transport")
    String transportName;

    @Inject
    Instance<MailTransport> transports;

    @Inject
    Boundaries boundaries;

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    private MailTransport transport;
    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        String wanted = transportName.strip().toLowerCase(Locale.ROOT);
        transport = transports.stream()
                .filter(candidate -> candidate.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("iris.mail.transport is smtp or log, not " + transportName));
        if (transport.name().equals("log") && !boundaries.embedded()) {
            throw new IllegalStateException("iris.mail.transport=log is for the embedded run only: configure SMTP"
                    + " (iris.mail.transport=smtp, iris.mail.smtp.*) when the databases are not the embedded ones");
        }
        long interval = Duration.ofSeconds(pollSeconds).toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("mail outbox", false));
        LOG.info(() -> "Mail goes out through the " + transport.name() + " transport");
    }

    @Timeout
    void dispatch() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (Region region : boundaries.served()) {
                dispatch(region);
            }
        } finally {
            running.set(false);
        }
    }

    private void dispatch(Region region) {
        try {
            var outbox = managers.of(region);
            Instant now = clock.instant();
            List<UUID> due = outbox.createQuery("SELECT m.id FROM OutboxMail m WHERE m.nextAttemptAt <= :now"
                            + " AND (m.claimedUntil IS NULL OR m.claimedUntil < :now) ORDER BY m.nextAttemptAt", UUID.class)
                    .setParameter("now", now.atOffset(ZoneOffset.UTC))
                    .setMaxResults(BATCH)
                    .getResultList();
            for (UUID id : due) {
                if (claim(region, id, now)) {
                    send(region, id);
                }
            }
        } catch (RuntimeException e) {
            // One region down must not stop the others; its mail waits for the next run.
            LOG.log(Level.WARNING, "Sending the mail of region " + region + " failed", e);
        }
    }

    private boolean claim(Region region, UUID id, Instant now) {
        var outbox = managers.of(region);
        int claimed = transactions.commit(() -> outbox.createQuery("UPDATE OutboxMail m SET m.claimedUntil = :until"
                        + " WHERE m.id = :id AND (m.claimedUntil IS NULL OR m.claimedUntil < :now)")
                .setParameter("until", now.plus(CLAIM).atOffset(ZoneOffset.UTC))
                .setParameter("id", id)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .executeUpdate());
        return claimed == 1;
    }

    private void send(Region region, UUID id) {
        var outbox = managers.of(region);
        OutboxMail mail = outbox.find(OutboxMail.class, id);
        if (mail == null) {
            return;
        }
        try {
            transport.send(mail);
            transactions.commit(() -> outbox.createQuery("DELETE FROM OutboxMail m WHERE m.id = :id")
                    .setParameter("id", id)
                    .executeUpdate());
        } catch (MailTransport.MailNotSent e) {
            Duration maxRetry = Duration.ofSeconds(retryMaxSeconds);
            transactions.commit(() -> {
                OutboxMail attached = outbox.find(OutboxMail.class, id);
                if (attached != null) {
                    attached.failed(e.getMessage(), clock.instant(), maxRetry);
                }
                return attached;
            });
            LOG.warning(() -> "A mail of region " + region + " was not accepted (try " + (mail.attempts() + 1)
                    + "); it stays in the outbox: " + e.getMessage());
        }
    }
}
