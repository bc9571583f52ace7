package org.iris.network.entity;

import java.util.UUID;

import org.iris.platform.entity.Region;

/**
 * A user's presence changed (fired after commit), in the user's region. The real-time push
 * (messaging) observes it and tells the sockets of the user's network, on every node.
 */
public record PresenceChanged(UUID accountId, Region region, Presence.Status status) {
}
