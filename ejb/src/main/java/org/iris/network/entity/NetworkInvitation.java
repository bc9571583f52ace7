package org.iris.network.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iris.identity.entity.EmailAddress;
import org.iris.identity.entity.Language;
import org.iris.platform.control.Conflict;
import org.iris.residency.entity.Region;

import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One side of an invitation to join someone's network (SPEC §4), kept in its owner's region: the
 * inviter's {@link Side#SENT} side and the invitee's {@link Side#RECEIVED} side share the id. An
 * invitation by email to a person with no account has only its sent side until they register.
 */
@Entity
@Table(name = "network_invitation")
@IdClass(NetworkInvitation.Key.class)
public class NetworkInvitation {

    public enum Side {
        SENT, RECEIVED
    }

    public enum Status {
        PENDING, ACCEPTED, AUTO_ACCEPTED, DECLINED, CANCELED;

        public boolean accepted() {
            return this == ACCEPTED || this == AUTO_ACCEPTED;
        }
    }

    /** The primary key; a class with settable fields, as JPA wants an id class. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID id;
        private Side side;

        public Key() {
            // for JPA
        }

        public Key(UUID id, Side side) {
            this.id = id;
            this.side = side;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(id, key.id) && side == key.side;
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, side);
        }
    }

    @Id
    private UUID id;

    @Id
    @Enumerated(EnumType.STRING)
    private Side side;

    @Column(name = "owner_id", nullable = false)
    private UUID ownerId;

    /** Text: the column may be null, and EclipseLink binds a null UUID as text. */
    @Column(name = "other_id")
    private String otherId;

    @Enumerated(EnumType.STRING)
    @Column(name = "other_region")
    private Region otherRegion;

    private String email;

    @Column(name = "email_hash")
    private String emailHash;

    @Column(nullable = false)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    @Version
    private long version;

    protected NetworkInvitation() {
        // for JPA
    }

    /** The inviter's side of an invitation to someone who has an account. */
    public static NetworkInvitation sent(UUID id, UUID inviter, UUID invitee, Region inviteeRegion, Language language,
                                         Status status, Instant now) {
        NetworkInvitation side = side(id, Side.SENT, inviter, language, status, now);
        side.otherId = invitee.toString();
        side.otherRegion = inviteeRegion;
        return side;
    }

    /** The inviter's side of an invitation by email to a person who has no account yet. */
    public static NetworkInvitation sentByEmail(UUID id, UUID inviter, EmailAddress email, String emailHash,
                                                Language language, Instant now) {
        NetworkInvitation side = side(id, Side.SENT, inviter, language, Status.PENDING, now);
        side.email = email.value();
        side.emailHash = emailHash;
        return side;
    }

    /** The invitee's side, made from the inviter's. */
    public static NetworkInvitation received(NetworkInvitation sent, Region inviterRegion) {
        NetworkInvitation side = side(sent.id, Side.RECEIVED, UUID.fromString(sent.otherId), Language.of(sent.language),
                sent.status, sent.changedAt.toInstant());
        side.createdAt = sent.createdAt;
        side.otherId = sent.ownerId.toString();
        side.otherRegion = inviterRegion;
        return side;
    }

    private static NetworkInvitation side(UUID id, Side side, UUID owner, Language language, Status status, Instant now) {
        NetworkInvitation invitation = new NetworkInvitation();
        invitation.id = id;
        invitation.side = side;
        invitation.ownerId = owner;
        invitation.language = language.code();
        invitation.status = status;
        invitation.createdAt = now.atOffset(ZoneOffset.UTC);
        invitation.changedAt = invitation.createdAt;
        return invitation;
    }

    /**
     * Decides a pending invitation.
     *
     * @throws Conflict when it is already decided
     */
    public void decide(Status decision, Instant now) {
        if (status != Status.PENDING) {
            throw new Conflict("The invitation is already " + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".");
        }
        status = decision;
        changedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** The person invited by email has registered: the invitation now names their account. */
    public void resolve(UUID account, Region region, Status decision, Instant now) {
        otherId = account.toString();
        otherRegion = region;
        email = null;
        status = decision;
        changedAt = now.atOffset(ZoneOffset.UTC);
    }

    /**
     * Takes the other side's later decision.
     *
     * @return whether this side changed
     */
    public boolean settle(NetworkInvitation other) {
        // a waiting side takes any decision; between two decisions, the later one wins
        if (other.status == status || status != Status.PENDING && !other.changedAt.isAfter(changedAt)) {
            return false;
        }
        status = other.status;
        changedAt = other.changedAt;
        return true;
    }

    public UUID id() {
        return id;
    }

    public Side side() {
        return side;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public Optional<UUID> otherId() {
        return Optional.ofNullable(otherId).map(UUID::fromString);
    }

    public Optional<Region> otherRegion() {
        return Optional.ofNullable(otherRegion);
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    public Optional<String> emailHash() {
        return Optional.ofNullable(emailHash);
    }

    public Language language() {
        return Language.of(language);
    }

    public Status status() {
        return status;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime changedAt() {
        return changedAt;
    }
}
