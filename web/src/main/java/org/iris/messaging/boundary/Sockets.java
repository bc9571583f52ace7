package org.iris.messaging.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.bubble.control.Visitor;
import org.iris.identity.control.BearerTokens;
import org.iris.messaging.control.Fanout;
import org.iris.platform.control.Unauthenticated;

/**
 * The sockets this node holds, by whom they belong to: where {@link Fanout} delivers pushes. Not a
 * source of truth (messages are in the database; who is online elsewhere is another node's), only
 * this node's way to its own connections. Every {@code iris.token.revocation-refresh-seconds} it
 * verifies each socket's token again and closes with {@value #TOKEN_ENDED} those whose token expired
 * or was revoked, and those that did not authenticate within {@value #AUTH_SECONDS} seconds.
 */
@ApplicationScoped
public class Sockets {

    private static final Logger LOG = Logger.getLogger(Sockets.class.getName());
    public static final int TOKEN_ENDED = 4401;
    static final int AUTH_SECONDS = 10;
    static final String STATE = "iris.socket";

    /** What a socket is: who, with which token, since when; none until it authenticates. */
    static final class State {
        final Instant opened;
        volatile Visitor visitor;
        volatile String token;
        private long window;
        private int frames;

        State(Instant opened) {
            this.opened = opened;
        }

        Optional<Visitor> visitor() {
            return Optional.ofNullable(visitor);
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

    private final Map<UUID, Set<Session>> byUser = new ConcurrentHashMap<>();
    private final Set<Session> all = ConcurrentHashMap.newKeySet();

    @Inject
    Fanout fanout;

    @Inject
    BearerTokens tokens;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "iris.token.revocation-refresh-seconds")
    long refreshSeconds;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        fanout.deliverTo(this::deliver);
    }

    /** How often {@link SocketChecks} calls {@link #check}. */
    long checkSeconds() {
        return refreshSeconds;
    }

    void opened(Session session) {
        session.getUserProperties().put(STATE, new State(clock.instant()));
        all.add(session);
    }

    static State state(Session session) {
        return (State) session.getUserProperties().get(STATE);
    }

    /** The socket now belongs to the visitor of that token. */
    void authenticated(Session session, Visitor visitor, String token) {
        State state = state(session);
        state.visitor = visitor;
        state.token = token;
        byUser.computeIfAbsent(visitor.id(), id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void closed(Session session) {
        all.remove(session);
        State state = state(session);
        if (state != null && state.visitor != null) {
            byUser.computeIfPresent(state.visitor.id(), (id, sessions) -> {
                sessions.remove(session);
                return sessions.isEmpty() ? null : sessions;
            });
        }
    }

    /** How many sockets this node holds. */
    public int count() {
        return all.size();
    }

    /** Sends the frame to every open socket of these recipients that this node holds. */
    public void deliver(Set<UUID> recipients, String frame) {
        for (UUID recipient : recipients) {
            Set<Session> sessions = byUser.get(recipient);
            if (sessions == null) {
                continue;
            }
            for (Session session : sessions) {
                send(session, frame);
            }
        }
    }

    static void send(Session session, String frame) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.getAsyncRemote().sendText(frame);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A socket went away while a frame was sent to it", e);
        }
    }

    void check() {
        Instant now = clock.instant();
        for (Session session : all) {
            State state = state(session);
            if (state == null) {
                continue;
            }
            if (state.token == null) {
                if (now.isAfter(state.opened.plus(Duration.ofSeconds(AUTH_SECONDS)))) {
                    close(session, "No auth frame came in time.");
                }
                continue;
            }
            try {
                tokens.verify(state.token);
            } catch (Unauthenticated ended) {
                close(session, "The token expired or was revoked.");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Checking a socket's token failed", e);
            }
        }
    }

    static void close(Session session, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(TOKEN_ENDED), reason));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "A socket went away before it was closed", e);
        }
    }
}
