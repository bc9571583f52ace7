package org.iris.messaging.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.bubble.control.Visitor;

/**
 * The sockets this node holds, by whom they belong to: where {@link SocketDelivery} finds a
 * recipient's. Not a source of truth (messages are in the database; who is online elsewhere is
 * another node's), only this node's way to its own connections. One account or guest holds at most
 * {@code iris.ws.max-sockets-per-user} (10) sockets of a node: one more closes their oldest with
 * {@value #TOO_MANY}. {@link SocketChecks} closes those whose token ended, that never authenticated
 * and that went idle.
 */
@ApplicationScoped
public class Sockets {

    private static final Logger LOG = Logger.getLogger(Sockets.class.getName());
    public static final int TOKEN_ENDED = 4401;
    public static final int TOO_MANY = 4409;
    /** Typing notices of one socket in one conversation go out this far apart at most; the others are acknowledged only. */
    static final long TYPING_MILLIS = 2000;
    static final int AUTH_SECONDS = 10;
    static final String STATE = "iris.socket";

    /** What a socket is: who, with which token, since when; none until it authenticates. */
    static final class State {
        final Instant opened;
        final Outbound out;
        private volatile long lastFrame;
        private final Map<UUID, Long> typing = new java.util.LinkedHashMap<>();
        volatile Visitor visitor;
        volatile String token;
        private long window;
        private int frames;

        State(Instant opened, Outbound out) {
            this.opened = opened;
            this.out = out;
            this.lastFrame = opened.toEpochMilli();
        }

        void active(long millis) {
            lastFrame = millis;
        }

        /** The last pong of the client, or its opening: a client that reads answers the server's pings. */
        private volatile long lastPong;

        void ponged(long millis) {
            lastPong = millis;
        }

        long lastPong() {
            return lastPong == 0 ? opened.toEpochMilli() : lastPong;
        }

        long lastFrame() {
            return lastFrame;
        }

        Optional<Visitor> visitor() {
            return Optional.ofNullable(visitor);
        }

        /** Whether a typing notice for the conversation goes out now: one every {@value #TYPING_MILLIS} ms at most. */
        synchronized boolean typingDue(UUID conversation, long millis) {
            Long last = typing.get(conversation);
            if (last != null && millis - last < TYPING_MILLIS) {
                return false;
            }
            if (typing.size() >= 100) {
                typing.clear();
            }
            typing.put(conversation, millis);
            return true;
        }

        /** Whether one more frame fits this second's budget. */
        synchronized boolean fits(long second, int perSecond) {
            if (second != window) {
                window = second;
                frames = 0;
            }
            return ++frames <= perSecond;
        }
    }

    /** Each user's sockets, oldest first; a list replaced whole on each change, so that delivery reads it without a lock. */
    private final Map<UUID, List<Session>> byUser = new ConcurrentHashMap<>();
    private final Set<Session> all = ConcurrentHashMap.newKeySet();

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "iris.ws.max-sockets-per-user")
    int maxPerUser;

    void opened(Session session, Outbound out) {
        session.getUserProperties().put(STATE, new State(clock.instant(), out));
        all.add(session);
    }

    static State state(Session session) {
        return (State) session.getUserProperties().get(STATE);
    }

    /** The socket now belongs to the visitor of that token; past their share, their oldest is closed. */
    void authenticated(Session session, Visitor visitor, String token) {
        State state = state(session);
        state.visitor = visitor;
        state.token = token;
        List<Session> beyond = new ArrayList<>();
        byUser.compute(visitor.id(), (id, sessions) -> {
            List<Session> held = new ArrayList<>(sessions == null ? List.of() : sessions);
            held.add(session);
            while (held.size() > maxPerUser) {
                beyond.add(held.remove(0));
            }
            return List.copyOf(held);
        });
        for (Session oldest : beyond) {
            close(oldest, TOO_MANY, "Too many sockets of this account: the oldest was closed.");
        }
        if (!session.isOpen()) {
            closed(session); // it closed while it authenticated
        }
    }

    void closed(Session session) {
        all.remove(session);
        State state = state(session);
        if (state == null) {
            return;
        }
        state.out.end();
        if (state.visitor != null) {
            byUser.computeIfPresent(state.visitor.id(), (id, sessions) -> {
                List<Session> left = sessions.stream().filter(held -> held != session).toList();
                return left.isEmpty() ? null : left;
            });
        }
    }

    /** The open sockets of that account or guest on this node. */
    List<Session> of(UUID user) {
        return byUser.getOrDefault(user, List.of());
    }

    Set<Session> all() {
        return all;
    }

    /** How many sockets this node holds. */
    public int count() {
        return all.size();
    }

    /** Closes the socket with that code: what waits for it is dropped at once, whether or not it reads. */
    void close(Session session, int code, String reason) {
        closed(session);
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "A socket went away before it was closed", e);
        }
    }
}
