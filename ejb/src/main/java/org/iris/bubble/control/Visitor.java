package org.iris.bubble.control;

import org.iris.platform.entity.Caller;
import org.iris.platform.entity.Region;

import java.util.Optional;
import java.util.UUID;

/**
 * Who acts on a bubble: an account (its id and region), or a guest, whose token opens one bubble
 * only ({@code guestOf}), in that bubble's region.
 */
public record Visitor(UUID id, Region region, Optional<UUID> guestOf) {

    public static Visitor of(Caller caller) {
        return new Visitor(caller.accountId(), caller.region(), Optional.empty());
    }

    public static Visitor guest(UUID guestId, UUID bubbleId, Region region) {
        return new Visitor(guestId, region, Optional.of(bubbleId));
    }

    public boolean guest() {
        return guestOf.isPresent();
    }
}
