package org.iris.messaging.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.iris.bubble.control.BubbleStore;
import org.iris.bubble.control.Signalling;
import org.iris.bubble.control.Visitor;
import org.iris.messaging.control.ConversationAccess;
import org.iris.messaging.control.Messages;
import org.iris.messaging.control.Messages.Sent;
import org.iris.messaging.control.Push;
import org.iris.messaging.control.ReadMarks;

/**
 * What a socket sends, deleted, read, typed or signalled, for the WebSocket endpoint and the REST
 * boundary alike; for the endpoint, as an EJB call of its own: a socket's thread is no request of
 * the container's, and the entity managers read outside a transaction need the invocation an EJB
 * call opens (and closes). The visitor comes from a token the endpoint verified; every rule is the
 * same as over REST. What happens is pushed as a {@link Push} event. Local to this application: no
 * client outside it reaches it.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Realtime {

    @Inject
    Messages messages;

    @Inject
    ReadMarks reads;

    @Inject
    ConversationAccess conversations;

    @Inject
    Signalling signalling;

    @Inject
    BubbleStore bubbles;

    @Inject
    Event<Push> pushes;

    /** Whether a socket of this visitor may open: an account's always, a guest's while they take part in their bubble. */
    public boolean admits(Visitor visitor) {
        return !visitor.guest() || bubbles.takingPart(visitor.region(), visitor.guestOf().orElseThrow(), visitor).isPresent();
    }

    /** Stores the message, then pushes it to every socket but the sender's ({@code socket}, whose acknowledgement carries it). */
    public Sent send(Visitor visitor, UUID conversation, String clientId, String body, Optional<String> socket) {
        return messages.send(visitor, conversation, clientId, body, socket);
    }

    public void deleteLast(Visitor visitor, UUID conversation, UUID message) {
        messages.deleteLast(visitor, conversation, message);
    }

    public void markRead(Visitor visitor, UUID conversation, long seq) {
        reads.markRead(visitor, conversation, seq);
    }

    /** Tells the others who take part that the visitor types: only where they may write. */
    public void typing(Visitor visitor, UUID conversation) {
        Set<UUID> others = new LinkedHashSet<>(conversations.openToWrite(visitor, conversation).members());
        others.remove(visitor.id());
        pushes.fire(new Push.Typing(conversation, visitor.id(), others));
    }

    /** Relays a WebRTC signal, only between two admitted to the bubble's conference ({@link Signalling}). */
    public void signal(Visitor visitor, UUID bubble, UUID to, JsonObject signal) {
        signalling.mayRelay(visitor, bubble, to);
        pushes.fire(new Push.Signal(bubble, visitor.id(), to, signal));
    }
}
