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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.iris.bubble.boundary.Visitors;
import org.iris.bubble.control.Visitor;
import org.iris.identity.control.AccessToken;
import org.iris.identity.control.BearerTokens;
import org.iris.messaging.control.Messages.Sent;
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
 * Before it authenticates, a socket gets one frame, an auth frame of at most {@value #MAX_AUTH_FRAME}
 * characters: anything else is answered 401 and closes it ({@value Sockets#TOKEN_ENDED}).
 */
@ServerEndpoint(value = "/ws", subprotocols = SocketHandshake.PROTOCOL, configurator = SocketHandshake.class)
public class SocketEndpoint {

    private static final Logger LOG = Logger.getLogger(SocketEndpoint.class.getName());
    /** The largest frame answered with an error rather than a closed socket. */
    static final int MAX_TRANSPORT = 256 * 1024;
    /** The largest frame read from a socket not yet authenticated: an auth frame. */
    static final int MAX_AUTH_FRAME = 16 * 1024;
    /** The largest frame read. */
    static final int MAX_FRAME = 64 * 1024;
    /** Frames a socket may send per second; beyond, each is refused with 429. */
    static final int FRAMES_PER_SECOND = 200;
    static final int MAX_ID = 64;
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    Sockets sockets;

    @Inject
    SocketDelivery delivery;

    @Inject
    BearerTokens tokens;

    @Inject
    Realtime realtime;

    @Inject
    Clock clock;

    @OnOpen
    public void open(Session session) {
        // Sockets closes idle sockets itself. Tyrus reschedules its timer on every frame whatever it is:
        // off (0), each task is a no-op that runs at once; a long timeout would keep every cancelled one
        // queued until it is due (hundreds of thousands under load, each holding its captured context)
        session.setMaxIdleTimeout(0);
        sockets.opened(session, delivery.outbound(session));
        if (session.getUserPrincipal() instanceof AccessToken token && token.getRawToken() != null) {
            authenticate(session, token, Optional.empty());
        }
    }

    @OnMessage(maxMessageSize = MAX_TRANSPORT)
    public void frame(String text, Session session) {
        Sockets.State state = Sockets.state(session);
        state.active(clock.millis());
        if (state.visitor().isEmpty() && text.length() > MAX_AUTH_FRAME) {
            error(session, Optional.empty(), 401, "Unauthorized", "Authenticate first: an auth frame with your token.");
            sockets.close(session, Sockets.TOKEN_ENDED, "Authenticate first.");
            return;
        }
        // every frame counts, however large and whatever it is
        if (!withinBudget(session, state)) {
            return;
        }
        if (text.length() > MAX_FRAME) {
            error(session, Optional.empty(), 413, "Frame too large", "A frame holds at most " + MAX_FRAME + " characters.");
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
            if (state.visitor().isEmpty()) {
                sockets.close(session, Sockets.TOKEN_ENDED, "Authenticate first."); // an unauthenticated socket gets one try
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A socket frame failed", e);
            error(session, id, 500, "Internal error", "The frame could not be handled; try again.");
        }
    }

    private void authenticate(Session session, AccessToken token, Optional<String> id) {
        Visitor visitor = Visitors.of(token);
        if (!realtime.admits(visitor)) {
            // a guest whose invitation ended, or who was removed, before the purge took their token's bubble
            error(session, id, 404, "Not Found", "No such bubble.");
            sockets.close(session, Sockets.TOKEN_ENDED, "No such bubble.");
            return;
        }
        sockets.authenticated(session, visitor, token.getRawToken());
        delivery.send(session, Frames.ready(visitor.id(), visitor.guestOf(), token.getExpirationTime()));
        id.ifPresent(value -> delivery.send(session, Frames.ack(value)));
    }

    /** Acknowledges a frame once what it asked for is done (committed, for what is stored). */
    private void handle(Session session, Visitor visitor, String type, String id, JsonObject frame) {
        switch (type) {
            case "send" -> {
                // a resend is recognized by the clientId the client gives, never by the frame's id, which
                // clients number again on each connection
                String clientId = frame.get("clientId") instanceof JsonString given ? given.getString() : null;
                Sent sent = realtime.send(visitor, uuid(frame, "conversation"), clientId, string(frame, "body"), Optional.of(session.getId()));
                delivery.send(session, Frames.ack(id, JSON.createObjectBuilder().add("message", Frames.message(sent.message()))));
                return;
            }
            case "delete" -> realtime.deleteLast(visitor, uuid(frame, "conversation"), uuid(frame, "message"));
            case "read" -> realtime.markRead(visitor, uuid(frame, "conversation"), number(frame, "seq"));
            case "typing" -> {
                UUID conversation = uuid(frame, "conversation");
                if (Sockets.state(session).typingDue(conversation, clock.millis())) {
                    realtime.typing(visitor, conversation);
                }
            }
            case "signal" -> {
                JsonValue signal = frame.get("signal");
                if (!(signal instanceof JsonObject payload) || !(payload.get("kind") instanceof JsonString kind)
                        || !Set.of("offer", "answer", "candidate").contains(kind.getString())) {
                    throw new InvalidRequest("A signal is an object whose kind is offer, answer or candidate.");
                }
                realtime.signal(visitor, uuid(frame, "bubble"), uuid(frame, "to"), payload);
            }
            case "ping" -> {
                // nothing but the acknowledgement
            }
            case "auth" -> throw new InvalidRequest("This socket is authenticated already.");
            default -> throw new InvalidRequest("Unknown frame type: send, delete, read, typing, signal, ping or auth.");
        }
        delivery.send(session, Frames.ack(id));
    }

    /** Only text frames: a binary one is answered with an error. */
    @OnMessage(maxMessageSize = MAX_AUTH_FRAME)
    public void binary(java.nio.ByteBuffer data, Session session) {
        Sockets.State state = Sockets.state(session);
        state.active(clock.millis());
        if (state.visitor().isEmpty()) {
            error(session, Optional.empty(), 400, "Bad Request", "Frames are JSON text, not binary.");
            sockets.close(session, Sockets.TOKEN_ENDED, "Authenticate first.");
        } else if (withinBudget(session, state)) {
            error(session, Optional.empty(), 400, "Bad Request", "Frames are JSON text, not binary.");
        }
    }

    /** Whether the frame fits the socket's budget of frames a second; beyond, it is answered 429 and not read. */
    private boolean withinBudget(Session session, Sockets.State state) {
        if (state.fits(clock.millis() / 1000, FRAMES_PER_SECOND)) {
            return true;
        }
        error(session, Optional.empty(), 429, "Too many frames", "At most " + FRAMES_PER_SECOND + " frames a second.");
        return false;
    }

    /** The client's answer to the server's ping: it reads. */
    @OnMessage
    public void pong(jakarta.websocket.PongMessage pong, Session session) {
        Sockets.state(session).ponged(clock.millis());
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        sockets.closed(session);
    }

    @OnError
    public void failed(Session session, Throwable failure) {
        LOG.log(Level.FINE, "A socket failed", failure);
        sockets.closed(session);
        try {
            session.close();
        } catch (java.io.IOException | RuntimeException e) {
            LOG.log(Level.FINE, "A failed socket went away before it was closed", e);
        }
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
            try {
                return value.longValueExact();
            } catch (ArithmeticException beyond) {
                // answered below
            }
        }
        throw new InvalidRequest("The frame lacks " + field + " (a whole number).");
    }

    private void error(Session session, Optional<String> id, int status, String title, String detail) {
        delivery.send(session, Frames.error(id, status, title, detail));
    }
}
