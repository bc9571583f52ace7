package org.iris.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A rendered mail waiting in its recipient's region until the mail server accepts it. Written in
 * the same transaction as what caused it, so that no committed change loses its mail; deleted once
 * sent, so that its content (a PIN) does not outlive its use.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Column(name = "text_body", nullable = false)
    private String textBody;

    @Column(name = "html_body", nullable = false)
    private String htmlBody;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "claimed_until")
    private OffsetDateTime claimedUntil;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected OutboxMail() {
        // for JPA
    }

    public static OutboxMail of(String recipient, String subject, String textBody, String htmlBody, Instant now) {
        OutboxMail mail = new OutboxMail();
        mail.id = UUID.randomUUID();
        mail.recipient = recipient;
        mail.subject = subject;
        mail.textBody = textBody;
        mail.htmlBody = htmlBody;
        mail.createdAt = now.atOffset(ZoneOffset.UTC);
        mail.nextAttemptAt = mail.createdAt;
        return mail;
    }

    /** Counts a failed try and schedules the next: 1 s, 2 s, 4 s ... never more than {@code maxRetry} apart. */
    public void failed(String error, Instant now, Duration maxRetry) {
        attempts++;
        long seconds = attempts >= 30 ? Long.MAX_VALUE : 1L << (attempts - 1);
        Duration wait = Duration.ofSeconds(Math.min(seconds, maxRetry.toSeconds()));
        nextAttemptAt = now.plus(wait).atOffset(ZoneOffset.UTC);
        claimedUntil = null;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
    }

    public UUID id() {
        return id;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String textBody() {
        return textBody;
    }

    public String htmlBody() {
        return htmlBody;
    }

    public int attempts() {
        return attempts;
    }
}
