package org.iris.identity.entity;

import org.iris.platform.entity.Language;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The live PIN of an email for one purpose (SPEC §2): stored as a keyed hash, valid
 * {@value #VALID_MINUTES} minutes, void after {@value #MAX_FAILURES} wrong tries, used once. A new
 * request replaces the PIN and its count of tries.
 */
@Entity
@Table(name = "pin_challenge")
@IdClass(PinChallenge.Key.class)
public class PinChallenge {

    public static final int VALID_MINUTES = 10;
    public static final int MAX_FAILURES = 5;

    public enum Purpose {
        REGISTRATION, PASSWORD_RESET
    }

    /** What a try of a PIN came to. */
    public enum Outcome {
        /** The PIN is right and still valid: the caller deletes the challenge in the same transaction. */
        ACCEPTED,
        /** The PIN is wrong; the failure is counted. */
        WRONG,
        /** Expired or tried too often: no PIN, right or wrong, is accepted any more. */
        VOID
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String emailHash;
        Purpose purpose;

        public Key() {
        }

        public Key(String emailHash, Purpose purpose) {
            this.emailHash = emailHash;
            this.purpose = purpose;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.emailHash.equals(emailHash) && key.purpose == purpose;
        }

        @Override
        public int hashCode() {
            return Objects.hash(emailHash, purpose);
        }
    }

    @Id
    @Column(name = "email_hash")
    private String emailHash;

    @Id
    @Enumerated(EnumType.STRING)
    private Purpose purpose;

    @Column(name = "pin_hash", nullable = false)
    private String pinHash;

    @Column(nullable = false)
    private String language;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected PinChallenge() {
        // for JPA
    }

    public static PinChallenge issue(String emailHash, Purpose purpose, String pinHash, Language language,
                                     Instant now, Duration validity) {
        PinChallenge challenge = new PinChallenge();
        challenge.emailHash = emailHash;
        challenge.purpose = purpose;
        challenge.replace(pinHash, language, now, validity);
        return challenge;
    }

    /** A new PIN for the same email and purpose: the old one stops working, the tries start again. */
    public void replace(String newPinHash, Language newLanguage, Instant now, Duration validity) {
        pinHash = newPinHash;
        language = newLanguage.code();
        failedAttempts = 0;
        createdAt = now.atOffset(ZoneOffset.UTC);
        expiresAt = createdAt.plus(validity);
    }

    /** @param triedHash the keyed hash of the PIN the caller typed */
    public Outcome attempt(String triedHash, Instant now) {
        if (!now.isBefore(expiresAt.toInstant()) || failedAttempts >= MAX_FAILURES) {
            return Outcome.VOID;
        }
        boolean right = MessageDigest.isEqual(pinHash.getBytes(StandardCharsets.US_ASCII),
                triedHash.getBytes(StandardCharsets.US_ASCII));
        if (right) {
            return Outcome.ACCEPTED;
        }
        failedAttempts++;
        return Outcome.WRONG;
    }

    public Language language() {
        return Language.of(language);
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }
}
