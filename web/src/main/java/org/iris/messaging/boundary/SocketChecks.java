package org.iris.messaging.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.identity.control.BearerTokens;
import org.iris.platform.control.Unauthenticated;

/**
 * The closers of this node's sockets, every {@code iris.token.revocation-refresh-seconds}: with
 * {@value Sockets#TOKEN_ENDED} those whose token expired or was revoked, and those that did not
 * authenticate within {@value Sockets#AUTH_SECONDS} seconds; with 1001 those from which no frame came
 * for {@code iris.ws.idle-seconds} (300; a client pings); with 1013 those that do not read: a frame
 * handed to the container {@value #STALLED_SECONDS} seconds ago and not written yet, or no pong to the
 * pings this sends each round for {@value #STALLED_SECONDS} seconds. What the container itself queues
 * for a socket (its pongs to a client's pings) is bounded so, by time. A timer of this node only, not
 * persistent, since the sockets are this node's alone and a restart closes them anyway.
 */
@Singleton
@Startup
public class SocketChecks {

    private static final Logger LOG = Logger.getLogger(SocketChecks.class.getName());
    static final int GOING_AWAY = 1001;
    static final int STALLED_SECONDS = 20;
    private static final java.nio.ByteBuffer PING = java.nio.ByteBuffer.allocate(0);

    @Resource
    TimerService timers;

    @Inject
    Sockets sockets;

    @Inject
    BearerTokens tokens;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "iris.token.revocation-refresh-seconds")
    long refreshSeconds;

    @Inject
    @ConfigProperty(name = "iris.ws.idle-seconds", defaultValue = "300")
    long idleSeconds;

    @PostConstruct
    void schedule() {
        long every = refreshSeconds * 1000;
        timers.createIntervalTimer(every, every, new TimerConfig("socket-checks", false));
    }

    @Timeout
    void check() {
        Instant now = clock.instant();
        for (Session session : sockets.all()) {
            Sockets.State state = Sockets.state(session);
            if (state == null) {
                continue;
            }
            if (state.token == null) {
                if (now.isAfter(state.opened.plus(Duration.ofSeconds(Sockets.AUTH_SECONDS)))) {
                    sockets.close(session, Sockets.TOKEN_ENDED, "No auth frame came in time.");
                }
                continue;
            }
            if (now.toEpochMilli() - state.lastFrame() > idleSeconds * 1000) {
                sockets.close(session, GOING_AWAY, "Idle: no frame came for too long.");
                continue;
            }
            long writing = state.out.writingSince();
            if ((writing != 0 && System.nanoTime() - writing > STALLED_SECONDS * 1_000_000_000L)
                    || now.toEpochMilli() - state.lastPong() > STALLED_SECONDS * 1000L) {
                sockets.close(session, SocketDelivery.BEHIND, "Not reading: reconnect and read over REST.");
                continue;
            }
            ping(session);
            try {
                tokens.verify(state.token);
            } catch (Unauthenticated ended) {
                sockets.close(session, Sockets.TOKEN_ENDED, "The token expired or was revoked.");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Checking a socket's token failed", e);
            }
        }
    }

    private static void ping(Session session) {
        try {
            session.getAsyncRemote().sendPing(PING.duplicate());
        } catch (java.io.IOException | RuntimeException e) {
            LOG.log(Level.FINE, "A socket went away before it was pinged", e);
        }
    }
}
