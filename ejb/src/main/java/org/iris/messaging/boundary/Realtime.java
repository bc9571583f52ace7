package org.iris.messaging.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.iris.bubble.control.Visitor;
import org.iris.messaging.control.ConversationStore;
import org.iris.messaging.control.ConversationStore.Sent;
import org.iris.messaging.control.Fanout;
import org.iris.messaging.control.Frames;

/**
 * What is sent, deleted or read, then pushed, for the WebSocket endpoint and the REST boundary
 * alike; for the endpoint, as an EJB call of its own: a socket's thread is no
 * request of the container's, and the entity managers read outside a transaction need the
 * invocation an EJB call opens (and closes). The visitor comes from a token the endpoint verified;
 * every rule is the same as over REST ({@link ConversationStore}). Local to this application: no
 * client outside it reaches it.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Realtime {

    @Inject
    ConversationStore store;

    @Inject
    Fanout fanout;

    /**
     * Stores the message, then pushes it to every socket but the sender's ({@code socket}, whose
     * acknowledgement carries it; null over REST).
     */
    public Sent send(Visitor visitor, UUID conversation, String clientId, String body, String socket) {
        Sent sent = store.send(visitor, conversation, clientId, body);
        if (sent.fresh()) {
            fanout.send(sent.recipients(), Frames.posted(sent.message()), socket);
        }
        return sent;
    }

    public void deleteLast(Visitor visitor, UUID conversation, UUID message) {
        Sent deleted = store.deleteLast(visitor, conversation, message);
        fanout.send(deleted.recipients(), Frames.posted(deleted.message()));
    }

    public void markRead(Visitor visitor, UUID conversation, long seq) {
        fanout.send(store.markRead(visitor, conversation, seq), Frames.read(conversation, visitor.id(), seq));
    }

    /** Tells the others who take part that the visitor types. */
    public void typing(Visitor visitor, UUID conversation) {
        Set<UUID> others = new LinkedHashSet<>(store.open(visitor, conversation).members());
        others.remove(visitor.id());
        fanout.send(others, Frames.typing(conversation, visitor.id()));
    }

    /** Relays a WebRTC signal, only between two admitted to the bubble's conference. */
    public void signal(Visitor visitor, UUID bubble, UUID to, JsonObject signal) {
        store.signalling(visitor, bubble, to);
        fanout.send(Set.of(to), Frames.signal(bubble, visitor.id(), signal));
    }
}
