package org.iris.network.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iris.platform.entity.Region;

import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * One user's half of a contact, kept in that user's region (SPEC §4: a network is accepted contacts,
 * favorites among them). A revoked contact stays as a tombstone, so that the two halves of a contact
 * across regions can be brought in step: whichever half changed last is right ({@link #settle}).
 */
@Entity
@Table(name = "contact")
@IdClass(Contact.Key.class)
public class Contact {

    public enum Status {
        ACTIVE, REVOKED
    }

    /** The primary key; a class with settable fields, as JPA wants an id class. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID ownerId;
        private UUID otherId;

        public Key() {
            // for JPA
        }

        public Key(UUID ownerId, UUID otherId) {
            this.ownerId = ownerId;
            this.otherId = otherId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(ownerId, key.ownerId) && Objects.equals(otherId, key.otherId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ownerId, otherId);
        }
    }

    @Id
    @Column(name = "owner_id")
    private UUID ownerId;

    @Id
    @Column(name = "other_id")
    private UUID otherId;

    @Enumerated(EnumType.STRING)
    @Column(name = "other_region", nullable = false)
    private Region otherRegion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private boolean favorite;

    @Column(nullable = false)
    private OffsetDateTime since;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    @Version
    private long version;

    protected Contact() {
        // for JPA
    }

    public static Contact of(UUID owner, UUID other, Region otherRegion, Instant now) {
        Contact contact = new Contact();
        contact.ownerId = owner;
        contact.otherId = other;
        contact.otherRegion = otherRegion;
        contact.status = Status.ACTIVE;
        contact.since = utc(now);
        contact.changedAt = contact.since;
        return contact;
    }

    /** Makes the contact active again (a new accepted invitation after a revocation). */
    public void renew(Instant now) {
        status = Status.ACTIVE;
        favorite = false;
        since = utc(now);
        changedAt = since;
    }

    public void revoke(Instant now) {
        status = Status.REVOKED;
        favorite = false;
        changedAt = utc(now);
    }

    public void favor(boolean favorite) {
        this.favorite = favorite;
    }

    /**
     * Brings this half in step with the other user's half, when that half changed later.
     *
     * @return whether this half changed
     */
    public boolean settle(Contact other) {
        if (!other.changedAt.isAfter(changedAt) || other.status == status) {
            return false;
        }
        status = other.status;
        since = other.since;
        changedAt = other.changedAt;
        if (status == Status.REVOKED) {
            favorite = false;
        }
        return true;
    }

    /** This user's half, made from the other user's half (which exists where this one went missing). */
    public static Contact mirror(Contact other, Region otherRegion) {
        Contact contact = new Contact();
        contact.ownerId = other.otherId;
        contact.otherId = other.ownerId;
        contact.otherRegion = otherRegion;
        contact.status = other.status;
        contact.since = other.since;
        contact.changedAt = other.changedAt;
        return contact;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public UUID otherId() {
        return otherId;
    }

    public Region otherRegion() {
        return otherRegion;
    }

    public Status status() {
        return status;
    }

    public boolean favorite() {
        return favorite;
    }

    public OffsetDateTime since() {
        return since;
    }

    public OffsetDateTime changedAt() {
        return changedAt;
    }
}
