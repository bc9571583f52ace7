package org.iris.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Global: the access tokens of an account issued before this generation no longer count. */
@Entity
@Table(name = "account_revocation")
public class AccountRevocation {

    @Id
    @Column(name = "account_id")
    private UUID accountId;

    @Column(nullable = false)
    private int generation;

    @Column(name = "revoked_at", nullable = false)
    private OffsetDateTime revokedAt;

    protected AccountRevocation() {
        // for JPA
    }

    public static AccountRevocation of(UUID accountId, int generation, Instant now) {
        AccountRevocation revocation = new AccountRevocation();
        revocation.accountId = accountId;
        revocation.update(generation, now);
        return revocation;
    }

    public void update(int newGeneration, Instant now) {
        generation = Math.max(generation, newGeneration);
        revokedAt = now.atOffset(ZoneOffset.UTC);
    }

    public UUID accountId() {
        return accountId;
    }

    public int generation() {
        return generation;
    }
}
