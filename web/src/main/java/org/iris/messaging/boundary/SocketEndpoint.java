package org.iris.messaging.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.StringReader;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.iris.bubble.boundary.Visitors;
import org.iris.bubble.control.Visitor;
import org.iris.identity.control.AccessToken;
import org.iris.identity.control.BearerTokens;
import org.iris.messaging.control.ConversationStore;
import org.iris.messaging.control.ConversationStore.Sent;
import org.iris.messaging.control.Fanout;
import org.iris.messaging.control.Frames;
import org.iris.platform.boundary.JsonNesting;
import org.iris.platform.boundary.Statuses;
import org.iris.platform.control.BusinessException;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.Unauthenticated;

/**
 * The one WebSocket endpoint ({@code /ws}, subprotocol {@value SocketHandshake#PROTOCOL}; frames in
 * {@code asyncapi.yaml}). A socket authenticates by the token it offers in the handshake
 * ({@code bearer.<token>} beside the subprotocol), or else by a first {@code auth} frame within
 * {@value Sockets#AUTH_SECONDS} seconds; never by the URL. Every client frame carries the client's
 * {@code id}, and is answered once with an {@code ack} (after the commit, for what is stored) or an
 * {@code error} of the same id. A bad frame is answered with an error and leaves the socket, and every
 * other socket, open; only frames beyond {@value #MAX_TRANSPORT} bytes make the container close it.
 */
@ServerEndpoint(value = "/ws", subprotocols = SocketHandshake.PROTOCOL, configurator = SocketHandshake.class)
public class SocketEndpoint {

    private static final Logger LOG = Logger.getLogger(SocketEndpoint.class.getName());
    /** The largest frame answered with an error rather than a closed socket. */
    static final int MAX_TRANSPORT = 1 << 20;
    /** The largest frame read. */
    static final int MAX_FRAME = 64 * 1024;
    /** Frames a socket may send per second; beyond, each is refused with 429. */
    static final int FRAMES_PER_SECOND = 200;
    static final int MAX_ID = 64;
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    Sockets sockets;

    @Inject
    BearerTokens tokens;

    @Inject
    ConversationStore conversations;

    @Inject
    Fanout fanout;

    @Inject
    Clock clock;

    @OnOpen
    public void open(Session session) {
        sockets.opened(session);
        if (session.getUserPrincipal() instanceof AccessToken token && token.getRawToken() != null) {
            authenticate(session, token, Optional.empty());
        }
    }

    @OnMessage(maxMessageSize = MAX_TRANSPORT)
    public void frame(String text, Session session) {
        Sockets.State state = Sockets.state(session);
        if (text.length() > MAX_FRAME) {
            error(session, Optional.empty(), 413, "Frame too large", "A frame holds at most " + MAX_FRAME + " characters.");
            return;
        }
        if (!state.fits(clock.millis() / 1000, FRAMES_PER_SECOND)) {
            error(session, Optional.empty(), 429, "Too many frames", "At most " + FRAMES_PER_SECOND + " frames a second.");
            return;
        }
        JsonObject frame;
        Optional<String> id = Optional.empty();
        try {
            frame = parse(text);
            id = Optional.of(id(frame));
            String type = string(frame, "type");
            Optional<Visitor> visitor = state.visitor();
            if (visitor.isEmpty()) {
                if (!"auth".equals(type)) {
                    throw new Unauthenticated("Authenticate first: an auth frame with your token.");
                }
                authenticate(session, tokens.verify(string(frame, "token")), id);
                return;
            }
            handle(session, visitor.get(), type, id.get(), frame);
        } catch (BusinessException refused) {
            error(session, id, Statuses.of(refused.kind()), refused.title(), refused.getMessage());
            if (refused.kind() == BusinessException.Kind.UNAUTHENTICATED && state.visitor().isEmpty()) {
                Sockets.close(session, refused.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A socket frame failed", e);
            error(session, id, 500, "Internal error", "The frame could not be handled; try again.");
        }
    }

    private void authenticate(Session session, AccessToken token, Optional<String> id) {
        Visitor visitor = Visitors.of(token);
        sockets.authenticated(session, visitor, token.getRawToken());
        Sockets.send(session, Frames.ready(visitor.id(), visitor.guestOf(), token.getExpirationTime()));
        id.ifPresent(value -> Sockets.send(session, Frames.ack(value)));
    }

    private void handle(Session session, Visitor visitor, String type, String id, JsonObject frame) {
        switch (type) {
            case "send" -> {
                Sent sent = conversations.send(visitor, uuid(frame, "conversation"), id, string(frame, "body"));
                Sockets.send(session, Frames.ack(id, JSON.createObjectBuilder().add("message", Frames.message(sent.message()))));
                if (sent.fresh()) {
                    fanout.send(sent.recipients(), Frames.posted(sent.message()));
                }
            }
            case "delete" -> {
                Sent deleted = conversations.deleteLast(visitor, uuid(frame, "conversation"), uuid(frame, "message"));
                Sockets.send(session, Frames.ack(id));
                fanout.send(deleted.recipients(), Frames.posted(deleted.message()));
            }
            case "read" -> {
                UUID conversation = uuid(frame, "conversation");
                long seq = number(frame, "seq");
                boolean moved = conversations.markRead(visitor, conversation, seq);
                Sockets.send(session, Frames.ack(id));
                if (moved) {
                    fanout.send(conversations.open(visitor, conversation).members(), Frames.read(conversation, visitor.id(), seq));
                }
            }
            case "typing" -> {
                UUID conversation = uuid(frame, "conversation");
                Set<UUID> others = new LinkedHashSet<>(conversations.open(visitor, conversation).members());
                others.remove(visitor.id());
                Sockets.send(session, Frames.ack(id));
                fanout.send(others, Frames.typing(conversation, visitor.id()));
            }
            case "signal" -> {
                UUID bubble = uuid(frame, "bubble");
                UUID to = uuid(frame, "to");
                JsonValue signal = frame.get("signal");
                if (!(signal instanceof JsonObject payload) || !(payload.get("kind") instanceof JsonString kind)
                        || !Set.of("offer", "answer", "candidate").contains(kind.getString())) {
                    throw new InvalidRequest("A signal is an object whose kind is offer, answer or candidate.");
                }
                conversations.signalling(visitor, bubble, to);
                Sockets.send(session, Frames.ack(id));
                fanout.send(Set.of(to), Frames.signal(bubble, visitor.id(), payload));
            }
            case "ping" -> Sockets.send(session, Frames.ack(id));
            case "auth" -> throw new InvalidRequest("This socket is authenticated already.");
            default -> throw new InvalidRequest("Unknown frame type: send, delete, read, typing, signal, ping or auth.");
        }
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        sockets.closed(session);
    }

    @OnError
    public void failed(Session session, Throwable failure) {
        LOG.log(Level.FINE, "A socket failed", failure);
        sockets.closed(session);
    }

    private static JsonObject parse(String text) {
        if (JsonNesting.tooDeep(text)) {
            throw new InvalidRequest("A frame nests arrays and objects " + JsonNesting.MAX_DEPTH + " levels deep at most.");
        }
        try (var reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (JsonException | IllegalStateException e) {
            // answered below
        }
        throw new InvalidRequest("A frame is one JSON object.");
    }

    private static String id(JsonObject frame) {
        String id = frame.get("id") instanceof JsonString value ? value.getString() : "";
        if (id.isEmpty() || id.length() > MAX_ID || !id.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidRequest("Every frame has an id of 1 to " + MAX_ID + " visible ASCII characters.");
        }
        return id;
    }

    private static String string(JsonObject frame, String field) {
        if (frame.get(field) instanceof JsonString value) {
            return value.getString();
        }
        throw new InvalidRequest("The frame lacks " + field + " (a string).");
    }

    private static UUID uuid(JsonObject frame, String field) {
        try {
            return UUID.fromString(string(frame, field));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(field + " is an id.");
        }
    }

    private static long number(JsonObject frame, String field) {
        if (frame.get(field) instanceof jakarta.json.JsonNumber value && value.isIntegral()) {
            return value.longValue();
        }
        throw new InvalidRequest("The frame lacks " + field + " (a whole number).");
    }

    private static void error(Session session, Optional<String> id, int status, String title, String detail) {
        Sockets.send(session, Frames.error(id, status, title, detail));
    }
}
