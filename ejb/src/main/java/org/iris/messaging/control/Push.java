package org.iris.messaging.control;

import jakarta.json.JsonObject;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.iris.bubble.entity.BubbleEvent;

/**
 * What messaging tells the sockets, as a CDI event: fired in the transaction that stored it, so that
 * its observers on the web side ({@code @Observes(during = AFTER_SUCCESS)}) see it once committed and
 * never for a change rolled back; what is stored nowhere (typing, a signal) is fired outside any
 * transaction, and observed at once. Pushes flow one way: the domain says what happened and to whom;
 * how a frame looks and which socket gets it is the web side's.
 */
public sealed interface Push {

    /** Everyone the push goes to, on every node. */
    Set<UUID> recipients();

    /**
     * A message sent or deleted.
     *
     * @param exceptSocket the socket of this node that sent it, answered already
     */
    record Message(Posted message, Set<UUID> recipients, Optional<String> exceptSocket) implements Push {
    }

    record File(FileStore.Shared file, boolean deleted, Set<UUID> recipients) implements Push {
    }

    record Read(UUID conversation, UUID reader, long seq, Set<UUID> recipients) implements Push {
    }

    record Typing(UUID conversation, UUID from, Set<UUID> recipients) implements Push {
    }

    record Signal(UUID bubble, UUID from, UUID to, JsonObject signal) implements Push {
        @Override
        public Set<UUID> recipients() {
            return Set.of(to);
        }
    }

    record Bubble(BubbleEvent event, Set<UUID> recipients) implements Push {
    }

    record Presence(UUID user, org.iris.network.entity.Presence.Status status, Set<UUID> recipients) implements Push {
    }
}
