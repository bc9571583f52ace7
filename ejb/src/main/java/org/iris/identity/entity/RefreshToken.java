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
 * means it was copied, and the whole family ends. A family is one session: it ends at the latest a
 * fixed time after its login ({@code iris.token.session-max-days}), however often it is refreshed.
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

    /** When the family's login happened: no token of the family outlives it by more than the session's maximum. */
    @Column(name = "session_started_at", nullable = false)
    private OffsetDateTime sessionStartedAt;

    @Version
    private long version;

    protected RefreshToken() {
        // for JPA
    }

    /** The first token of a new login: a new family, which is the session. */
    public static RefreshToken first(String tokenHash, UUID accountId, Instant now, Duration validity, Duration sessionMax) {
        return of(tokenHash, accountId, UUID.randomUUID(), now, now, validity, sessionMax);
    }

    /**
     * Spends this token and makes its successor, valid as long as a new login's but never beyond the
     * session's maximum: refreshing does not keep a session alive for ever.
     */
    public RefreshToken rotate(String successorHash, Instant now, Duration validity, Duration sessionMax) {
        used = true;
        return of(successorHash, accountId, familyId, sessionStartedAt.toInstant(), now, validity, sessionMax);
    }

    private static RefreshToken of(String tokenHash, UUID accountId, UUID familyId, Instant sessionStart, Instant now,
                                   Duration validity, Duration sessionMax) {
        RefreshToken token = new RefreshToken();
        token.tokenHash = tokenHash;
        token.accountId = accountId;
        token.familyId = familyId;
        token.createdAt = now.atOffset(ZoneOffset.UTC);
        token.sessionStartedAt = sessionStart.atOffset(ZoneOffset.UTC);
        OffsetDateTime byValidity = token.createdAt.plus(validity);
        OffsetDateTime bySession = token.sessionStartedAt.plus(sessionMax);
        token.expiresAt = byValidity.isBefore(bySession) ? byValidity : bySession;
        return token;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt.toInstant());
    }

    /** Whether the session this token belongs to has outlived its maximum, whatever the token's own expiry. */
    public boolean sessionEnded(Instant now, Duration sessionMax) {
        return !now.isBefore(sessionStartedAt.toInstant().plus(sessionMax));
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
