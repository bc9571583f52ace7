package org.iris.bubble.entity;

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
import org.iris.platform.entity.Region;

import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One participant of a bubble, kept in the bubble's region: an account (owner, co-organizer or
 * member, of any region of the bubble's boundary) or a person invited by email, a guest, whose
 * invitation is first {@link Delivery#NEW}: mailed or held afterwards, so that the answer to the
 * adder never tells whether the email has an account. A guest's link is stored as its hash only,
 * and ends at {@link #expiresAt()}.
 */
@Entity
@Table(name = "bubble_participant")
@IdClass(Participant.Key.class)
public class Participant {

    public enum Kind {
        ACCOUNT, GUEST
    }

    /** What became of an invitation by email, decided after the adder's answer. */
    public enum Delivery {
        NEW, MAILED, HELD
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID bubbleId;
        private UUID participantId;

        public Key() {
            // for JPA
        }

        public Key(UUID bubbleId, UUID participantId) {
            this.bubbleId = bubbleId;
            this.participantId = participantId;
        }

        public UUID bubbleId() {
            return bubbleId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(bubbleId, key.bubbleId)
                    && Objects.equals(participantId, key.participantId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(bubbleId, participantId);
        }
    }

    @Id
    @Column(name = "bubble_id")
    private UUID bubbleId;

    @Id
    @Column(name = "participant_id")
    private UUID participantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BubbleRole role;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_region")
    private Region accountRegion;

    private String email;

    @Column(name = "email_hash")
    private String emailHash;

    @Column(name = "link_hash")
    private String linkHash;

    private String language;

    @Enumerated(EnumType.STRING)
    private Delivery delivery;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "added_by", nullable = false)
    private UUID addedBy;

    @Column(name = "added_at", nullable = false)
    private OffsetDateTime addedAt;

    @Column(name = "role_since", nullable = false)
    private OffsetDateTime roleSince;

    @Version
    private long version;

    protected Participant() {
        // for JPA
    }

    public static Participant account(UUID bubbleId, UUID accountId, Region region, BubbleRole role, UUID addedBy,
                                      Instant now) {
        if (role == BubbleRole.GUEST) {
            throw new IllegalArgumentException("an account is no guest");
        }
        Participant participant = new Participant();
        participant.bubbleId = bubbleId;
        participant.participantId = accountId;
        participant.kind = Kind.ACCOUNT;
        participant.role = role;
        participant.accountRegion = region;
        participant.addedBy = addedBy;
        participant.addedAt = now.atOffset(ZoneOffset.UTC);
        participant.roleSince = participant.addedAt;
        return participant;
    }

    public static Participant guest(UUID bubbleId, UUID guestId, EmailAddress email, String emailHash, String linkHash,
                                    Language language, UUID addedBy, Instant now, Instant expires) {
        Participant participant = new Participant();
        participant.bubbleId = bubbleId;
        participant.participantId = guestId;
        participant.kind = Kind.GUEST;
        participant.role = BubbleRole.GUEST;
        participant.email = email.value();
        participant.emailHash = emailHash;
        participant.linkHash = linkHash;
        participant.language = language.code();
        participant.delivery = Delivery.NEW;
        participant.expiresAt = expires.atOffset(ZoneOffset.UTC);
        participant.addedBy = addedBy;
        participant.addedAt = now.atOffset(ZoneOffset.UTC);
        participant.roleSince = participant.addedAt;
        return participant;
    }

    public UUID bubbleId() {
        return bubbleId;
    }

    public UUID participantId() {
        return participantId;
    }

    public Kind kind() {
        return kind;
    }

    public boolean guest() {
        return kind == Kind.GUEST;
    }

    public BubbleRole role() {
        return role;
    }

    public Optional<Region> accountRegion() {
        return Optional.ofNullable(accountRegion);
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    public Optional<String> emailHash() {
        return Optional.ofNullable(emailHash);
    }

    public Language language() {
        return language == null ? Language.DEFAULT : Language.parse(language, "language");
    }

    public Optional<Delivery> delivery() {
        return Optional.ofNullable(delivery);
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt).map(OffsetDateTime::toInstant);
    }

    /** A guest whose invitation has not ended by {@code now}. */
    public boolean guestValidAt(Instant now) {
        return guest() && expiresAt != null && now.isBefore(expiresAt.toInstant());
    }

    public UUID addedBy() {
        return addedBy;
    }

    public OffsetDateTime addedAt() {
        return addedAt;
    }

    public OffsetDateTime roleSince() {
        return roleSince;
    }

    public void promote(BubbleRole role, Instant now) {
        if (kind == Kind.GUEST || role == BubbleRole.GUEST) {
            throw new IllegalArgumentException("a guest's role does not change");
        }
        this.role = role;
        this.roleSince = now.atOffset(ZoneOffset.UTC);
    }

    /** The invitation was mailed with a link whose token hashes to {@code linkHash}. */
    public void mailed(String linkHash) {
        this.linkHash = linkHash;
        delivery = Delivery.MAILED;
    }

    public void held() {
        delivery = Delivery.HELD;
    }
}
