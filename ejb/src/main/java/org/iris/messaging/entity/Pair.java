package org.iris.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.iris.platform.entity.Region;

/** The two accounts of a one-to-one conversation, the lower id first, with their regions. */
@Entity
@Table(name = "conversation_pair")
public class Pair {

    @Id
    @Column(name = "conversation_id")
    private UUID conversationId;

    @Column(name = "user_low", nullable = false)
    private UUID userLow;

    @Column(name = "user_high", nullable = false)
    private UUID userHigh;

    @Enumerated(EnumType.STRING)
    @Column(name = "region_low", nullable = false)
    private Region regionLow;

    @Enumerated(EnumType.STRING)
    @Column(name = "region_high", nullable = false)
    private Region regionHigh;

    protected Pair() {
        // for JPA
    }

    public static Pair of(UUID conversationId, UUID a, Region aRegion, UUID b, Region bRegion) {
        boolean aFirst = Conversation.lower(a, b);
        Pair pair = new Pair();
        pair.conversationId = conversationId;
        pair.userLow = aFirst ? a : b;
        pair.userHigh = aFirst ? b : a;
        pair.regionLow = aFirst ? aRegion : bRegion;
        pair.regionHigh = aFirst ? bRegion : aRegion;
        return pair;
    }

    public UUID conversationId() {
        return conversationId;
    }

    public List<UUID> both() {
        return List.of(userLow, userHigh);
    }

    public boolean has(UUID account) {
        return account.equals(userLow) || account.equals(userHigh);
    }

    /** The other side, for one of the two. */
    public UUID peerOf(UUID me) {
        return me.equals(userLow) ? userHigh : userLow;
    }

    public Optional<Region> regionOf(UUID account) {
        if (account.equals(userLow)) {
            return Optional.of(regionLow);
        }
        return account.equals(userHigh) ? Optional.of(regionHigh) : Optional.empty();
    }
}
