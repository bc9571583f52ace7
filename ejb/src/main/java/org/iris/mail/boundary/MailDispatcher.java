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
import org.iris.platform.entity.EmailAddress;
import org.iris.mail.control.MailComposer;
import org.iris.mail.control.MailTransport;
import org.iris.mail.control.MailTransport.MailNotSent;
import org.iris.mail.control.MailTransport.Message;
import org.iris.mail.control.OutboxRows;
import org.iris.mail.entity.OutboxMail;
import org.iris.platform.control.DatabaseFailures;
import org.iris.residency.control.Boundaries;
import org.iris.platform.entity.Region;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the outboxes of the served regions hold, every {@code iris.mail.poll-seconds}. A mail is
 * claimed before it is sent, so that two nodes never send it both. A scan of database state, so that
 * nothing is lost when a node restarts.
 *
 * <p>Each round, per region, takes up to {@value OutboxRows#BATCH} mails of each lane: PIN mails newest first
 * (someone is waiting for the newest; an old one is soon of no use) with the recipients' domains
 * taking turns, then notices oldest first. A mail the server refuses for now is tried again, ever less
 * often (at most {@code iris.mail.retry-max-seconds} apart), until it expires; one it refuses for good
 * is given up after a few refusals; either way it is kept as failed, emptied of its content, for
 * {@value OutboxRows#KEEP_FAILED_DAYS} days. The rows' queries are {@link OutboxRows}'; how a mail
 * looks when it goes, {@link MailComposer}'s. When the server cannot be reached at all, the round stops there.
 *
 * <p>A region's database going away mid-round loses nothing: a mail sent but not yet deleted is
 * remembered and deleted first once the database answers (so this node does not send it again), and
 * a claim the round could not use is given back then. Delivery is at least once all the same: a node
 * that restarts, or another node once the claim has expired, may send such a mail again.
 */
@Singleton
@Startup
@DependsOn("Boundaries")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());

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
    MailComposer composer;

    @Inject
    OutboxRows rows;

    @Inject
    Boundaries boundaries;

    @Inject
    Clock clock;

    private MailTransport transport;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Instant purgedAt = Instant.EPOCH;

    @PostConstruct
    void schedule() {
        String wanted = transportName.strip().toLowerCase(Locale.ROOT);
        transport = transports.stream()
                .filter(candidate -> candidate.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("iris.mail.transport is smtp or folder, not " + transportName));
        if (transport.name().equals("folder") && !boundaries.embedded()) {
            throw new IllegalStateException("iris.mail.transport=folder is for the embedded run only: configure SMTP"
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
            Instant now = clock.instant();
            boolean purge = now.isAfter(purgedAt.plus(Duration.ofHours(1)));
            for (Region region : boundaries.served()) {
                dispatch(region, now, purge);
            }
            if (purge) {
                purgedAt = now;
            }
        } finally {
            running.set(false);
        }
    }

    private void dispatch(Region region, Instant now, boolean purge) {
        try {
            finish(region);
            int expired = rows.expire(region, now);
            if (expired > 0) {
                LOG.warning(() -> expired + " mail(s) of region " + region + " expired before they could be sent");
            }
            if (purge) {
                rows.purge(region, now);
            }
            List<UUID> due = new ArrayList<>(rows.duePins(region, now));
            due.addAll(rows.dueNotices(region, now));
            for (UUID id : due) {
                // the time of this claim, not of the round's start: a slow round must not outlast its claims
                OffsetDateTime claimed = rows.claim(region, id, clock.instant());
                if (claimed != null && !send(region, id, claimed)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // One region down must not stop the others; its mail waits for the next run.
            if (DatabaseFailures.unavailable(e)) {
                LOG.warning(() -> "The database of region " + region + " is unavailable; its mail waits: " + e);
            } else {
                LOG.log(Level.WARNING, "Sending the mail of region " + region + " failed", e);
            }
        }
    }

    /** @return false when the mail server or the database cannot be used, so that the round stops */
    private boolean send(Region region, UUID id, OffsetDateTime claimed) {
        Optional<Message> message;
        try {
            Optional<OutboxMail> mail = rows.find(region, id);
            if (mail.isEmpty()) {
                return true;
            }
            message = composer.compose(mail.get());
        } catch (MailNotSent e) {
            // Iris itself cannot send it (an address outside the grammar): it never will
            giveUp(region, id, e.getMessage());
            return true;
        } catch (RuntimeException e) {
            if (DatabaseFailures.unavailable(e)) {
                // its claim is given back as soon as the database answers again
                unfinished(region).claimed.put(id, claimed);
                LOG.warning(() -> "The database of region " + region + " is unavailable; its mail waits: " + e);
                return false;
            }
            LOG.log(Level.WARNING, "A mail of region " + region + " could not be prepared now", e);
            failed(region, id, "could not be prepared: " + e.getClass().getSimpleName(), false);
            return true;
        }
        try {
            if (message.isPresent()) {
                transport.send(message.get());
            }
        } catch (MailNotSent e) {
            failed(region, id, e.getMessage(), e.permanent());
            return !e.unreachable();
        }
        try {
            rows.delete(region, Set.of(id));
            return true;
        } catch (RuntimeException e) {
            // sent, but the database went away before it was told: deleted as soon as it answers
            unfinished(region).sent.add(id);
            LOG.warning(() -> "A mail of region " + region + " was sent; its row is deleted once the database answers: " + e);
            return false;
        }
    }

    /**
     * What a round left undone in a region because its database went away: mails sent but not
     * deleted, and claims to give back (with the time they were held until, so that a claim another
     * node made since is left alone).
     */
    private static final class Unfinished {
        final Set<UUID> sent = ConcurrentHashMap.newKeySet();
        final Map<UUID, OffsetDateTime> claimed = new ConcurrentHashMap<>();
    }

    private final Map<Region, Unfinished> unfinished = new ConcurrentHashMap<>();

    private Unfinished unfinished(Region region) {
        return unfinished.computeIfAbsent(region, key -> new Unfinished());
    }

    /**
     * Finishes what an outage left undone; throws while the database is still away, which skips the
     * round. What fails for another reason is dropped (and logged), so that it cannot stall the region.
     */
    private void finish(Region region) {
        Unfinished left = unfinished(region);
        if (left.sent.isEmpty() && left.claimed.isEmpty()) {
            return;
        }
        Set<UUID> sent = Set.copyOf(left.sent);
        Map<UUID, OffsetDateTime> claimed = Map.copyOf(left.claimed);
        try {
            rows.settle(region, sent, claimed);
        } catch (RuntimeException e) {
            if (DatabaseFailures.unavailable(e)) {
                throw e;
            }
            LOG.log(Level.WARNING, "Finishing what an outage left undone in region " + region + " failed; dropped", e);
        }
        left.sent.removeAll(sent);
        claimed.keySet().forEach(left.claimed::remove);
        LOG.info(() -> "Region " + region + " answers again: " + sent.size() + " sent mail(s) deleted, "
                + claimed.size() + " claim(s) given back");
    }

    private void giveUp(Region region, UUID id, String error) {
        String reason = EmailAddress.redact(error);
        if (rows.giveUp(region, id, reason, clock.instant())) {
            LOG.warning(() -> "A mail of region " + region + " was given up: " + reason);
        }
    }

    private void failed(Region region, UUID id, String error, boolean permanent) {
        String reason = EmailAddress.redact(error);
        Optional<OutboxMail> given = rows.failed(region, id, reason, permanent, clock.instant(), Duration.ofSeconds(retryMaxSeconds));
        if (given.isPresent()) {
            LOG.warning(() -> "A mail of region " + region + " to " + masked(given.get().recipient()) + " was given up after "
                    + given.get().attempts() + " tries: " + reason);
        } else {
            LOG.info(() -> "A mail of region " + region + " was not accepted" + (permanent ? " (refused)" : "")
                    + "; it stays in the outbox: " + reason);
        }
    }

    private static String masked(String recipient) {
        return EmailAddress.parse(recipient).map(EmailAddress::masked).orElse("an invalid address");
    }
}
