package org.iris.bubble.entity;

import org.iris.platform.entity.Region;

import java.util.Optional;
import java.util.UUID;

/**
 * Something changed in a bubble, fired in the transaction that changed it and observed after its
 * commit ({@code TransactionPhase.AFTER_SUCCESS}) by whatever pushes it to the bubble's participants.
 * Small and made of ids only, so that it can cross cluster nodes as it is.
 *
 * @param participant the participant concerned, where there is one
 */
public record BubbleEvent(Kind kind, UUID bubbleId, Region region, Optional<UUID> participant) {

    public enum Kind {
        CREATED, DESCRIBED, ARCHIVED, DELETED, OWNERSHIP_TRANSFERRED,
        PARTICIPANT_ADDED, PARTICIPANT_REMOVED, ROLE_CHANGED,
        CONFERENCE_STARTED, CONFERENCE_ENDED, CONFERENCE_JOINED, CONFERENCE_LEFT, LOBBY_WAITING, LOBBY_ADMITTED
    }

    public static BubbleEvent of(Kind kind, UUID bubbleId, Region region) {
        return new BubbleEvent(kind, bubbleId, region, Optional.empty());
    }

    public static BubbleEvent of(Kind kind, UUID bubbleId, Region region, UUID participant) {
        return new BubbleEvent(kind, bubbleId, region, Optional.of(participant));
    }
}
