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

/**
 * Global: a counter of attempts under one keyed hash (logins of an account or from an address, PIN
 * requests and confirmations of an email or from an address, invitations of a user) that blocks the key for a while once it counts too many. Never blocks
 * for good: blocks are bounded by the {@link Backoff}, and the counter is forgotten when its window ends.
 */
@Entity
@Table(name = "throttle")
public class Throttle {

    @Id
    @Column(name = "key_hash")
    private String keyHash;

    @Column(nullable = false)
    private int hits;

    @Column(name = "window_started_at", nullable = false)
    private OffsetDateTime windowStartedAt;

    @Column(name = "blocked_until", nullable = false)
    private OffsetDateTime blockedUntil;

    @Version
    private long version;

    protected Throttle() {
        // for JPA
    }

    public static Throttle of(String keyHash, Instant now) {
        Throttle throttle = new Throttle();
        throttle.keyHash = keyHash;
        throttle.windowStartedAt = now.atOffset(ZoneOffset.UTC);
        throttle.blockedUntil = throttle.windowStartedAt;
        return throttle;
    }

    /** How long the key is still blocked; zero when it is not. */
    public Duration blockedFor(Instant now) {
        Instant until = blockedUntil.toInstant();
        return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** Until when the key is blocked (in the past when it is not). */
    public OffsetDateTime blockedUntil() {
        return blockedUntil;
    }

    /** Counts one attempt and blocks the key as long as the back-off says for that count. */
    public void hit(Instant now, Backoff backoff) {
        if (backoff.windowOver(windowStartedAt.toInstant(), now)) {
            hits = 0;
            windowStartedAt = now.atOffset(ZoneOffset.UTC);
        }
        hits++;
        Duration block = backoff.after(hits);
        if (!block.isZero()) {
            blockedUntil = now.plus(block).atOffset(ZoneOffset.UTC);
        }
    }

    /**
     * One attempt counted in advance was no failure after all: it is taken back, and so is the block
     * it started, unless another attempt has changed the block since.
     *
     * @param before the block before that attempt
     * @param after the block that attempt left
     */
    public void refund(OffsetDateTime before, OffsetDateTime after) {
        if (hits > 0) {
            hits--;
        }
        if (blockedUntil.isEqual(after)) {
            blockedUntil = before;
        }
    }

    public int hits() {
        return hits;
    }
}
