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
 * or was revoked, and those that did not authenticate within {@value #AUTH_SECONDS} seconds; and
 * with 1001 those from which no frame came for {@code iris.ws.idle-seconds} (300; a client pings).
 * A socket with {@value #MAX_IN_FLIGHT} frames not yet written to it is closed (1013): a slow reader
 * neither holds a node's memory nor misses pushes silently.
 */
@ApplicationScoped
public class Sockets {

    private static final Logger LOG = Logger.getLogger(Sockets.class.getName());
    public static final int TOKEN_ENDED = 4401;
    /** Typing notices of one socket in one conversation go out this far apart at most; the others are acknowledged only. */
    static final long TYPING_MILLIS = 2000;
    static final int AUTH_SECONDS = 10;
    static final String STATE = "iris.socket";

    /** What a socket is: who, with which token, since when; none until it authenticates. */
    static final class State {
        final Instant opened;
        private volatile long lastFrame;
        final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        private final Map<UUID, Long> typing = new java.util.LinkedHashMap<>();
        volatile Visitor visitor;
        volatile String token;
        private long window;
        private int frames;

        State(Instant opened) {
            this.opened = opened;
            this.lastFrame = opened.toEpochMilli();
        }

        void active(long millis) {
            lastFrame = millis;
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

    /** A socket from which no frame came for so long is closed (a client pings to stay). */
    @Inject
    @ConfigProperty(name = "iris.ws.idle-seconds", defaultValue = "300")
    long idleSeconds;

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
        byUser.compute(visitor.id(), (id, sessions) -> {
            Set<Session> held = sessions == null ? ConcurrentHashMap.newKeySet() : sessions;
            held.add(session);
            return held;
        });
        if (!session.isOpen()) {
            closed(session); // it closed while it authenticated
        }
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

    /**
     * Sends the frame to every open socket of these recipients that this node holds, but
     * {@code except}, from the delivery threads: the caller (a sending socket's, a commit's) goes on
     * at once. A recipient's frames always go through the same thread, in the order they came.
     */
    public void deliver(Set<UUID> recipients, String frame, String except) {
        for (UUID recipient : recipients) {
            Set<Session> sessions = byUser.get(recipient);
            if (sessions == null || sessions.isEmpty()) {
                continue;
            }
            Delivery lane = lanes[Math.floorMod(recipient.hashCode(), lanes.length)];
            lane.offer(() -> {
                for (Session session : sessions) {
                    if (except == null || !except.equals(session.getId())) {
                        send(session, frame);
                    }
                }
            });
        }
    }

    /**
     * One delivery thread and its queue. Its thread is the JVM's, not the container's: a frame sent
     * from it captures no container context for Tyrus's idle timer. A full queue (a node far behind)
     * drops the push and says so: pushes are not the record, and clients read what they missed over REST.
     */
    static final class Delivery {
        static final int CAPACITY = 100_000;
        private final java.util.concurrent.ThreadPoolExecutor thread;

        Delivery(int number) {
            thread = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0, java.util.concurrent.TimeUnit.SECONDS,
                    new java.util.concurrent.LinkedBlockingQueue<>(CAPACITY), work -> {
                        Thread delivering = new Thread(work, "iris-socket-delivery-" + number);
                        delivering.setDaemon(true);
                        delivering.setContextClassLoader(PLATFORM);
                        return delivering;
                    }, (work, full) -> LOG.warning("A socket push was dropped: this node's deliveries are "
                    + CAPACITY + " behind"));
        }

        void offer(Runnable work) {
            thread.execute(work);
        }

        void stop() {
            thread.shutdownNow();
        }
    }

    private final Delivery[] lanes = {new Delivery(1), new Delivery(2)};

    @jakarta.annotation.PreDestroy
    void stopDeliveries() {
        for (Delivery lane : lanes) {
            lane.stop();
        }
    }

    /**
     * Sends without waiting. Tyrus reschedules the socket's idle timer on every send, a managed task
     * whose context capture asks the thread's class loader for service providers, and the
     * application's loader scans every jar of the WAR for them: a quarter of the CPU under load. The
     * send runs with the platform's loader as the thread's, which answers at once; the frame is text
     * already and the timer is Tyrus's own class.
     */
    static void send(Session session, String frame) {
        if (!session.isOpen()) {
            return;
        }
        State state = state(session);
        if (state != null && state.inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
            // a reader this far behind is closed: it reconnects and reads what it missed over REST
            state.inFlight.decrementAndGet();
            behind(session);
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader application = thread.getContextClassLoader();
        thread.setContextClassLoader(PLATFORM);
        try {
            session.getAsyncRemote().sendText(frame, result -> {
                if (state != null) {
                    state.inFlight.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A socket went away while a frame was sent to it", e);
        } finally {
            thread.setContextClassLoader(application);
        }
    }

    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    /** Frames sent to a socket and not yet written before it counts as too slow a reader. */
    static final int MAX_IN_FLIGHT = 2000;

    private static void behind(Session session) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "Too far behind: reconnect and read over REST."));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "A socket went away before it was closed", e);
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
            if (now.toEpochMilli() - state.lastFrame > idleSeconds * 1000) {
                going(session);
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

    private static void going(Session session) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "Idle: no frame came for too long."));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "A socket went away before it was closed", e);
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
