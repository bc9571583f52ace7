package org.iris.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * A mail waiting in its recipient's region until the mail server accepts it. Written in the same
 * transaction as what caused it, so that no committed change loses its mail; deleted once sent.
 *
 * <p>It holds what to render (a template, its language and values), not the rendered mail, and a
 * {@linkplain #deferred() deferred} mail not even that: what it says is decided when it is sent (a
 * PIN is drawn then), so that no PIN waits here in clear. A mail is tried until it {@linkplain #expiresAt
 * expires} (a PIN mail lives as long as a PIN); one the server refuses for good (a 5xx to its
 * recipient) is given up after {@value #MAX_PERMANENT_FAILURES} such refusals, at least five minutes
 * apart, and one Iris itself cannot send (an address outside its grammar) at once. A mail given up stays
 * as {@link Status#FAILED}, emptied of its content, for operators to count and read.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

    public static final int MAX_PERMANENT_FAILURES = 3;
    /** The least time between two refusals for good of one mail. */
    public static final Duration REFUSAL_SPACING = Duration.ofMinutes(5);

    /**
     * The two queues of a region, sent side by side so that a flood of one never starves the other:
     * codes someone is waiting for right now (newest first), and notices that may wait (oldest first).
     */
    public enum Lane {
        PIN, NOTICE
    }

    public enum Status {
        PENDING, FAILED
    }

    @Id
    private UUID id;

    @Column(nullable = false)
    private String recipient;

    @Column
    private String template;

    @Column
    private String language;

    /** The template's values, a JSON object. */
    @Column(name = "mail_values")
    private String values;

    /** What decides the content when the mail is sent ({@code DeferredMail}); {@code null} for a plain one. */
    @Column
    private String deferred;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Lane lane;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    /** Mails written before templates were rendered at send time carry their rendered parts. */
    @Column
    private String subject;

    @Column(name = "text_body")
    private String textBody;

    @Column(name = "html_body")
    private String htmlBody;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "permanent_failures", nullable = false)
    private int permanentFailures;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "claimed_until")
    private OffsetDateTime claimedUntil;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "failed_at")
    private OffsetDateTime failedAt;

    protected OutboxMail() {
        // for JPA
    }

    public static OutboxMail of(String recipient, Lane lane, String template, String deferred, String language,
                                String values, Instant now, Duration validity) {
        OutboxMail mail = new OutboxMail();
        mail.id = UUID.randomUUID();
        mail.recipient = recipient;
        mail.lane = lane;
        mail.template = template;
        mail.deferred = deferred;
        mail.language = language;
        mail.values = values;
        mail.status = Status.PENDING;
        mail.createdAt = now.atOffset(ZoneOffset.UTC);
        mail.nextAttemptAt = mail.createdAt;
        mail.expiresAt = mail.createdAt.plus(validity);
        return mail;
    }

    /**
     * Counts a failed try and schedules the next: 1 s, 2 s, 4 s ... never more than {@code maxRetry}
     * apart. A refusal for good counts toward giving up; a mail given up is emptied.
     *
     * @return whether the mail is given up
     */
    public boolean failed(String error, boolean permanent, Instant now, Duration maxRetry) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        claimedUntil = null;
        if (permanent && ++permanentFailures >= MAX_PERMANENT_FAILURES) {
            giveUp(now);
            return true;
        }
        long seconds = attempts >= 30 ? Long.MAX_VALUE : 1L << (attempts - 1);
        Duration wait = Duration.ofSeconds(Math.min(seconds, maxRetry.toSeconds()));
        // refusals are spaced out, so that a mail server refusing for a while by mistake is noticed
        // (GET /mail-outbox) before its mails are given up
        if (permanent && wait.compareTo(REFUSAL_SPACING) < 0) {
            wait = REFUSAL_SPACING;
        }
        nextAttemptAt = now.plus(wait).atOffset(ZoneOffset.UTC);
        return false;
    }

    /** Gives up a mail that outlived its use (a PIN mail after the PIN's time). */
    public void expire(Instant now) {
        lastError = "expired before it could be sent";
        giveUp(now);
    }

    /** Stops trying and drops the content (a PIN, an invitation's link), keeping what an operator needs. */
    public void giveUp(Instant now) {
        status = Status.FAILED;
        failedAt = now.atOffset(ZoneOffset.UTC);
        claimedUntil = null;
        values = null;
        subject = null;
        textBody = null;
        htmlBody = null;
    }

    public UUID id() {
        return id;
    }

    public String recipient() {
        return recipient;
    }

    public Lane lane() {
        return lane;
    }

    public Optional<String> template() {
        return Optional.ofNullable(template);
    }

    public Optional<String> deferred() {
        return Optional.ofNullable(deferred);
    }

    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    public Optional<String> values() {
        return Optional.ofNullable(values);
    }

    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    public Optional<String> textBody() {
        return Optional.ofNullable(textBody);
    }

    public Optional<String> htmlBody() {
        return Optional.ofNullable(htmlBody);
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public Optional<OffsetDateTime> failedAt() {
        return Optional.ofNullable(failedAt);
    }
}
