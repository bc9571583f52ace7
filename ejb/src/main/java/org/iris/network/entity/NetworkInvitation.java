package org.iris.network.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Language;
import org.iris.platform.control.Conflict;
import org.iris.platform.entity.Region;

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

    /**
     * Where an invitation by email stands before its invitee has a side of it: {@link #NEW} until it
     * is decided (after the inviter was answered, the same answer whatever the email is);
     * {@link #MAILED} to a person with no account, until they register; {@link #HELD} where the rules
     * or the invitee's state forbid it, which the inviter is never told: to them it stays pending.
     */
    public enum Delivery {
        NEW, MAILED, HELD
    }

    /** Tries of a delivery that failed before it is held for good. */
    public static final int MAX_DELIVERY_ATTEMPTS = 5;

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

    @Enumerated(EnumType.STRING)
    private Delivery delivery;

    @Column(name = "delivery_attempts", nullable = false)
    private int deliveryAttempts;

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

    /** The inviter's side of an invitation by email, before anything is decided about the email. */
    public static NetworkInvitation sentByEmail(UUID id, UUID inviter, EmailAddress email, String emailHash,
                                                Language language, Instant now) {
        NetworkInvitation side = side(id, Side.SENT, inviter, language, Status.PENDING, now);
        side.email = email.value();
        side.emailHash = emailHash;
        side.delivery = Delivery.NEW;
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
        // to its inviter a declined invitation by email still waits (see shownToOwner): they may withdraw it
        boolean withdrawable = decision == Status.CANCELED && side == Side.SENT && byEmail() && status == Status.DECLINED;
        if (status != Status.PENDING && !withdrawable) {
            throw new Conflict("The invitation is already " + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".");
        }
        status = decision;
        changedAt = now.atOffset(ZoneOffset.UTC);
    }

    /**
     * The invitation by email reaches the account of that email (which may have just registered): it
     * names the account from now on; the email the inviter typed stays, which is all they see of the
     * invitee until the invitation is accepted.
     */
    public void deliverTo(UUID account, Region region, Status decision, Instant now) {
        otherId = account.toString();
        otherRegion = region;
        delivery = null;
        status = decision;
        changedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** Mailed to a person with no account: waits for them to register. */
    public void mailed() {
        delivery = Delivery.MAILED;
    }

    /** Will never reach anyone; to the inviter it stays pending. */
    public void hold() {
        delivery = Delivery.HELD;
    }

    /** A delivery that failed; held once it failed too often, so that one poisoned row cannot block the rest. */
    public void deliveryFailed() {
        if (++deliveryAttempts >= MAX_DELIVERY_ATTEMPTS) {
            hold();
        }
    }

    /** Whether this is the inviter's side of an invitation by typed email. */
    public boolean byEmail() {
        return side == Side.SENT && email != null;
    }

    /**
     * The status as the owner of this side is shown it. The inviter of an invitation by email learns
     * nothing of the invitee, not even that the email has an account, until they accept: a decline
     * (or a hold) reads as still pending.
     */
    public Status shownToOwner() {
        return byEmail() && status == Status.DECLINED ? Status.PENDING : status;
    }

    /** When the side last changed as its owner is shown it: what they are not told did not happen. */
    public OffsetDateTime shownChangedAt() {
        return byEmail() && shownToOwner() == Status.PENDING ? createdAt : changedAt;
    }

    /** Whether the owner may see who the other user is. */
    public boolean otherShown() {
        return !byEmail() || status.accepted();
    }

    public Optional<Delivery> delivery() {
        return Optional.ofNullable(delivery);
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
