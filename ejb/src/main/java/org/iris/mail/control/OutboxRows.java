package org.iris.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.iris.mail.entity.OutboxMail;
import org.iris.mail.entity.OutboxMail.Lane;
import org.iris.mail.entity.OutboxMail.Status;
import org.iris.platform.entity.Region;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;

/**
 * The outbox's rows as the dispatcher works them, beside {@link OutboxMail}: what is due in each lane,
 * claims, and what a try leaves (sent: deleted; refused: counted, given up in the end; outlived:
 * expired; failed for long: purged). Each change is a transaction of the mail's region of its own.
 */
@ApplicationScoped
public class OutboxRows {

    public static final int BATCH = 20;
    public static final int KEEP_FAILED_DAYS = 30;
    /** Long enough for one batch to be sent; a node that dies mid-batch leaves its claims to expire. */
    static final Duration CLAIM = Duration.ofMinutes(2);

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    private record Candidate(UUID id, String domain) {
    }

    /** PIN mails due, newest first (someone waits for the newest), the recipients' domains taking turns. */
    public List<UUID> duePins(Region region, Instant now) {
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
    public static String domain(String recipient) {
        String domain = recipient.substring(recipient.lastIndexOf('@') + 1);
        int last = domain.lastIndexOf('.');
        int before = last <= 0 ? -1 : domain.lastIndexOf('.', last - 1);
        return before < 0 ? domain : domain.substring(before + 1);
    }

    /** Notices due, oldest try first. */
    public List<UUID> dueNotices(Region region, Instant now) {
        return managers.of(region).createQuery("SELECT m.id FROM OutboxMail m WHERE m.status = :pending"
                        + " AND m.lane = :lane AND m.nextAttemptAt <= :now"
                        + " AND (m.claimedUntil IS NULL OR m.claimedUntil < :now) ORDER BY m.nextAttemptAt", UUID.class)
                .setParameter("pending", Status.PENDING)
                .setParameter("lane", Lane.NOTICE)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setMaxResults(BATCH)
                .getResultList();
    }

    /** Gives up what outlived its use (a PIN mail after the PIN's time), emptying it; answers how many. */
    public int expire(Region region, Instant now) {
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
        }
        return expired.size();
    }

    /** Forgets what failed more than {@value #KEEP_FAILED_DAYS} days ago. */
    public void purge(Region region, Instant now) {
        transactions.commit(() -> managers.of(region).createQuery("DELETE FROM OutboxMail m WHERE m.status = :failed"
                        + " AND m.failedAt < :before")
                .setParameter("failed", Status.FAILED)
                .setParameter("before", now.minus(Duration.ofDays(KEEP_FAILED_DAYS)).atOffset(ZoneOffset.UTC))
                .executeUpdate());
    }

    /** @return until when this node holds the mail, or {@code null} when another one does */
    public OffsetDateTime claim(Region region, UUID id, Instant now) {
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

    public Optional<OutboxMail> find(Region region, UUID id) {
        return Optional.ofNullable(managers.of(region).find(OutboxMail.class, id));
    }

    /** Deletes what was sent. */
    public void delete(Region region, Set<UUID> ids) {
        transactions.run(() -> managers.of(region).createQuery("DELETE FROM OutboxMail m WHERE m.id IN :ids")
                .setParameter("ids", ids)
                .executeUpdate());
    }

    /**
     * Finishes what an outage left undone, in one transaction: deletes what was sent, and gives back
     * each claim still held until the time it was made for (one another node made since is left alone).
     */
    public void settle(Region region, Set<UUID> sent, Map<UUID, OffsetDateTime> claimed) {
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
    }

    /** Gives the mail up at once (Iris itself can never send it); answers whether there was one. */
    public boolean giveUp(Region region, UUID id, String reason, Instant now) {
        return transactions.commit(() -> {
            OutboxMail attached = managers.of(region).find(OutboxMail.class, id);
            if (attached != null) {
                attached.failed(reason, true, now, Duration.ZERO);
                attached.giveUp(now);
            }
            return attached != null;
        });
    }

    /** Counts a refused try; answers the mail when it was given up with it. */
    public Optional<OutboxMail> failed(Region region, UUID id, String reason, boolean permanent, Instant now, Duration maxRetry) {
        return Optional.ofNullable(transactions.commit(() -> {
            OutboxMail attached = managers.of(region).find(OutboxMail.class, id);
            return attached != null && attached.failed(reason, permanent, now, maxRetry) ? attached : null;
        }));
    }
}
