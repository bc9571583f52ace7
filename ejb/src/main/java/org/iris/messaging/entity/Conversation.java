package org.iris.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.iris.platform.entity.Region;

/**
 * A conversation: one-to-one between two accounts (its {@link Pair}), stored in the region of the
 * lower account id, or a bubble's, with the bubble's id, beside the bubble. Its messages are numbered one after another
 * under a lock of this row.
 */
@Entity
@Table(name = "conversation")
public class Conversation {

    public enum Kind {
        DIRECT, BUBBLE
    }

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_at", nullable = false)
    private OffsetDateTime lastAt;

    @Version
    private long version;

    protected Conversation() {
        // for JPA
    }

    /** A one-to-one conversation; its two accounts are its {@link Pair}. */
    public static Conversation direct(Instant now) {
        return started(UUID.randomUUID(), Kind.DIRECT, now);
    }

    /** Where the one-to-one conversation of two accounts lives: the region of the lower id. */
    public static Region home(UUID a, Region aRegion, UUID b, Region bRegion) {
        return lower(a, b) ? aRegion : bRegion;
    }

    /**
     * Whether {@code a} sorts before {@code b} as the databases sort UUIDs, byte by byte unsigned (as
     * their text does), which {@link UUID#compareTo}, on signed halves, does not.
     */
    public static boolean lower(UUID a, UUID b) {
        return ORDER.compare(a, b) < 0;
    }

    /** UUIDs as the databases sort them: each half unsigned. */
    public static final java.util.Comparator<UUID> ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    public static Conversation ofBubble(UUID bubbleId, Instant now) {
        return started(bubbleId, Kind.BUBBLE, now);
    }

    private static Conversation started(UUID id, Kind kind, Instant now) {
        Conversation conversation = new Conversation();
        conversation.id = id;
        conversation.kind = kind;
        conversation.createdAt = stored(now);
        conversation.lastAt = conversation.createdAt;
        return conversation;
    }

    /** The sequence number of a new message; call under the row's lock. */
    public long next(Instant now) {
        lastSeq++;
        lastAt = stored(now);
        return lastSeq;
    }

    /** A time as the databases keep it, to the microsecond: what a cached row holds is what a query compares. */
    private static OffsetDateTime stored(Instant now) {
        return now.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public boolean direct() {
        return kind == Kind.DIRECT;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime lastAt() {
        return lastAt;
    }
}
