package org.iris.network.entity;

import java.util.UUID;

/**
 * A user's presence changed (fired after commit). Real-time push to their network's sockets
 * observes it; between nodes of a cluster it travels on Payara's clustered event bus.
 */
public record PresenceChanged(UUID accountId, Presence.Status status) {
}
