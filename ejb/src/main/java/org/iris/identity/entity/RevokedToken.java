package org.iris.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Global: one access token ended at logout, remembered until it would have expired anyway. */
@Entity
@Table(name = "revoked_token")
public class RevokedToken {

    @Id
    private String jti;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    protected RevokedToken() {
        // for JPA
    }

    public static RevokedToken of(String jti, Instant expiresAt) {
        RevokedToken token = new RevokedToken();
        token.jti = jti;
        token.expiresAt = expiresAt.atOffset(ZoneOffset.UTC);
        return token;
    }

    public String jti() {
        return jti;
    }

    public Instant expiresAt() {
        return expiresAt.toInstant();
    }
}
