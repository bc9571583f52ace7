package org.iris.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A refresh token, kept as the SHA-256 of the opaque value the client holds. Each is used once:
 * refreshing spends it and issues its successor in the same family; presenting a spent token again
 * means it was copied, and the whole family ends.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(name = "family_id", nullable = false)
    private UUID familyId;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(nullable = false)
    private boolean used;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected RefreshToken() {
        // for JPA
    }

    /** The first token of a new login. */
    public static RefreshToken first(String tokenHash, UUID accountId, Instant now, Duration validity) {
        return of(tokenHash, accountId, UUID.randomUUID(), now, validity);
    }

    /** Spends this token and makes its successor, valid as long as a new login's. */
    public RefreshToken rotate(String successorHash, Instant now, Duration validity) {
        used = true;
        return of(successorHash, accountId, familyId, now, validity);
    }

    private static RefreshToken of(String tokenHash, UUID accountId, UUID familyId, Instant now, Duration validity) {
        RefreshToken token = new RefreshToken();
        token.tokenHash = tokenHash;
        token.accountId = accountId;
        token.familyId = familyId;
        token.createdAt = now.atOffset(ZoneOffset.UTC);
        token.expiresAt = token.createdAt.plus(validity);
        return token;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt.toInstant());
    }

    public boolean used() {
        return used;
    }

    public UUID accountId() {
        return accountId;
    }

    public UUID familyId() {
        return familyId;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }
}
