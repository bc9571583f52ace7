package org.iris.network.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A user's presence as they last set it, in their region's database: every node of a cluster reads
 * the same row, and presence, which says when someone is at work, stays in its owner's region.
 */
@Entity
@Table(name = "presence")
public class Presence {

    public enum Status {
        ONLINE, AWAY, BUSY, OFFLINE
    }

    @Id
    @Column(name = "account_id")
    private UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    protected Presence() {
        // for JPA
    }

    public static Presence of(UUID accountId, Status status, Instant now) {
        Presence presence = new Presence();
        presence.accountId = accountId;
        presence.set(status, now);
        return presence;
    }

    /** Someone who never said anything is offline. */
    public static Presence offline(UUID accountId) {
        return of(accountId, Status.OFFLINE, Instant.EPOCH);
    }

    public void set(Status status, Instant now) {
        this.status = status;
        changedAt = now.atOffset(ZoneOffset.UTC);
    }

    public UUID accountId() {
        return accountId;
    }

    public Status status() {
        return status;
    }

    public OffsetDateTime changedAt() {
        return changedAt;
    }
}
