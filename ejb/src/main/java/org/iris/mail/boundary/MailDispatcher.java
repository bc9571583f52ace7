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
import org.iris.platform.entity.Language;
import org.iris.mail.control.DeferredMail;
import org.iris.mail.control.FairShare;
import org.iris.mail.control.MailTemplates;
import org.iris.mail.control.MailTransport;
import org.iris.mail.control.MailTransport.MailNotSent;
import org.iris.mail.control.MailTransport.Message;
import org.iris.mail.control.Outbox;
import org.iris.mail.entity.OutboxMail;
import org.iris.mail.entity.OutboxMail.Lane;
import org.iris.mail.entity.OutboxMail.Status;
import org.iris.platform.control.DatabaseFailures;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;
import org.iris.platform.entity.Region;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * <p>Each round, per region, takes up to {@value #BATCH} mails of each lane: PIN mails newest first
 * (someone is waiting for the newest; an old one is soon of no use) with the recipients' domains
 * taking turns, then notices oldest first. A mail the server refuses for now is tried again, ever less
 * often (at most {@code iris.mail.retry-max-seconds} apart), until it expires; one it refuses for good
 * is given up after a few refusals; either way it is kept as failed, emptied of its content, for
 * {@value #KEEP_FAILED_DAYS} days. When the server cannot be reached at all, the round stops there.
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
    static final int BATCH = 20;
    static final int KEEP_FAILED_DAYS = 30;
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
    Instance<DeferredMail> deferrals;

    @Inject
    MailTemplates templates;

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
            expire(region, now);
            if (purge) {
                purge(region, now);
            }
            List<UUID> due = new ArrayList<>(pins(region, now));
            due.addAll(notices(region, now));
            for (UUID id : due) {
                // the time of this claim, not of the round's start: a slow round must not outlast its claims
                OffsetDateTime claimed = claim(region, id, clock.instant());
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

    private record Candidate(UUID id, String domain) {
    }

    private List<UUID> pins(Region region, Instant now) {
        List<Object[]> rows = managers.of(region).createQuery("SELECT m.id, m.recipient FROM OutboxMail m"
                        + " WHERE m.status = :pending AND m.lane = :lane AND m.nextAttemptAt <= :now"
                        + " AND (m.claimedUntil IS NULL OR m.claimedUntil < :now) ORDER BY m.createdAt DESC", Object[].class)
                .setParameter("pending", Status.PENDING)
                .setParameter("lane", Lane.PIN)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setMaxResults(BATCH * 5)
                .getResultList();
        List<Candidate> candidates = rows.stream()
                .map(row -> new Candidate((UUID) row[0], domain((String) row[1])))
                .toList();
        return FairShare.pick(candidates, Candidate::domain, BATCH).stream().map(Candidate::id).toList();
    }

    /**
     * What takes turns: the last two labels of the recipient's domain, so that a flood spread over
     * subdomains ({@code a.flood.example}, {@code b.flood.example}) is still one.
     */
    static String domain(String recipient) {
        String domain = recipient.substring(recipient.lastIndexOf('@') + 1);
        int last = domain.lastIndexOf('.');
        int before = last <= 0 ? -1 : domain.lastIndexOf('.', last - 1);
        return before < 0 ? domain : domain.substring(before + 1);
    }

    private List<UUID> notices(Region region, Instant now) {
        return managers.of(region).createQuery("SELECT m.id FROM OutboxMail m WHERE m.status = :pending"
                        + " AND m.lane = :lane AND m.nextAttemptAt <= :now"
                        + " AND (m.claimedUntil IS NULL OR m.claimedUntil < :now) ORDER BY m.nextAttemptAt", UUID.class)
                .setParameter("pending", Status.PENDING)
                .setParameter("lane", Lane.NOTICE)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setMaxResults(BATCH)
                .getResultList();
    }

    /** Gives up what outlived its use (a PIN mail after the PIN's time), emptying it. */
    private void expire(Region region, Instant now) {
        var outbox = managers.of(region);
        List<UUID> expired = outbox.createQuery("SELECT m.id FROM OutboxMail m WHERE m.status = :pending"
                        + " AND m.expiresAt <= :now AND (m.claimedUntil IS NULL OR m.claimedUntil < :now)", UUID.class)
                .setParameter("pending", Status.PENDING)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setMaxResults(BATCH * 50)
                .getResultList();
        if (!expired.isEmpty()) {
            transactions.run(() -> {
                for (UUID id : expired) {
                    OutboxMail mail = outbox.find(OutboxMail.class, id);
                    if (mail != null && mail.status() == Status.PENDING) {
                        mail.expire(now);
                    }
                }
            });
            LOG.warning(() -> expired.size() + " mail(s) of region " + region + " expired before they could be sent");
        }
    }

    private void purge(Region region, Instant now) {
        transactions.commit(() -> managers.of(region).createQuery("DELETE FROM OutboxMail m WHERE m.status = :failed"
                        + " AND m.failedAt < :before")
                .setParameter("failed", Status.FAILED)
                .setParameter("before", now.minus(Duration.ofDays(KEEP_FAILED_DAYS)).atOffset(ZoneOffset.UTC))
                .executeUpdate());
    }

    /** @return until when this node holds the mail, or {@code null} when another one does */
    private OffsetDateTime claim(Region region, UUID id, Instant now) {
        var outbox = managers.of(region);
        OffsetDateTime until = now.plus(CLAIM).atOffset(ZoneOffset.UTC);
        int claimed = transactions.commit(() -> outbox.createQuery("UPDATE OutboxMail m SET m.claimedUntil = :until"
                        + " WHERE m.id = :id AND m.status = :pending AND (m.claimedUntil IS NULL OR m.claimedUntil < :now)")
                .setParameter("until", until)
                .setParameter("id", id)
                .setParameter("pending", Status.PENDING)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .executeUpdate());
        return claimed == 1 ? until : null;
    }

    /** @return false when the mail server or the database cannot be used, so that the round stops */
    private boolean send(Region region, UUID id, OffsetDateTime claimed) {
        var outbox = managers.of(region);
        Optional<Message> message;
        try {
            OutboxMail mail = outbox.find(OutboxMail.class, id);
            if (mail == null) {
                return true;
            }
            message = compose(mail);
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
            delete(region, Set.of(id));
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
            transactions.run(() -> {
                if (!sent.isEmpty()) {
                    managers.of(region).createQuery("DELETE FROM OutboxMail m WHERE m.id IN :ids")
                            .setParameter("ids", sent)
                            .executeUpdate();
                }
                claimed.forEach((id, until) -> managers.of(region)
                        .createQuery("UPDATE OutboxMail m SET m.claimedUntil = NULL WHERE m.id = :id AND m.claimedUntil = :until")
                        .setParameter("id", id)
                        .setParameter("until", until)
                        .executeUpdate());
            });
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

    private void delete(Region region, Set<UUID> ids) {
        transactions.run(() -> managers.of(region).createQuery("DELETE FROM OutboxMail m WHERE m.id IN :ids")
                .setParameter("ids", ids)
                .executeUpdate());
    }

    /** The mail as it goes out; empty when a deferred mail decided there is nothing to send. */
    private Optional<Message> compose(OutboxMail mail) throws MailNotSent {
        EmailAddress to = EmailAddress.parse(mail.recipient())
                .orElseThrow(() -> new MailNotSent("the recipient is not a single plain address", true, false, null));
        Language language = mail.language().map(Language::of).orElse(Language.DEFAULT);
        if (mail.template().isEmpty() && mail.deferred().isEmpty()) {
            // written before templates were rendered at send time
            return Optional.of(new Message(to, mail.subject().orElse(""), mail.textBody().orElse(""),
                    mail.htmlBody().orElse("")));
        }
        var values = Outbox.read(mail.values().orElse(null));
        Optional<DeferredMail.Content> content;
        if (mail.deferred().isPresent()) {
            String kind = mail.deferred().get();
            DeferredMail deciding = deferrals.stream().filter(candidate -> candidate.handles(kind)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("nothing decides deferred mail of kind " + kind));
            content = deciding.prepare(kind, to, language, values);
        } else {
            content = Optional.of(new DeferredMail.Content(mail.template().get(), language, values));
        }
        return content.map(decided -> {
            MailTemplates.Rendered rendered = templates.render(decided.template(), decided.language(), decided.values());
            return new Message(to, rendered.subject(), rendered.text(), rendered.html());
        });
    }

    private void giveUp(Region region, UUID id, String error) {
        String reason = EmailAddress.redact(error);
        Instant now = clock.instant();
        OutboxMail given = transactions.commit(() -> {
            OutboxMail attached = managers.of(region).find(OutboxMail.class, id);
            if (attached != null) {
                attached.failed(reason, true, now, Duration.ZERO);
                attached.giveUp(now);
            }
            return attached;
        });
        if (given != null) {
            LOG.warning(() -> "A mail of region " + region + " was given up: " + reason);
        }
    }

    private void failed(Region region, UUID id, String error, boolean permanent) {
        Duration maxRetry = Duration.ofSeconds(retryMaxSeconds);
        Instant now = clock.instant();
        String reason = EmailAddress.redact(error);
        OutboxMail given = transactions.commit(() -> {
            OutboxMail attached = managers.of(region).find(OutboxMail.class, id);
            return attached != null && attached.failed(reason, permanent, now, maxRetry) ? attached : null;
        });
        if (given != null) {
            LOG.warning(() -> "A mail of region " + region + " to " + masked(given.recipient()) + " was given up after "
                    + given.attempts() + " tries: " + reason);
        } else {
            LOG.info(() -> "A mail of region " + region + " was not accepted" + (permanent ? " (refused)" : "")
                    + "; it stays in the outbox: " + reason);
        }
    }

    private static String masked(String recipient) {
        return EmailAddress.parse(recipient).map(EmailAddress::masked).orElse("an invalid address");
    }
}
