package org.iris.messaging.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way a frame reaches a socket of this node, pushes and answers alike. Nothing is written
 * from a queue that all share: each socket has its own ({@link Outbound}), filled on the thread that
 * delivers (a commit's, a socket's, the data grid's) and written as fast as that socket reads, so
 * that one user's flood fills their own sockets' queues and delays nobody else's pushes.
 *
 * <p>Memory is bounded by bytes: a socket whose unwritten frames pass
 * {@code iris.ws.max-pending-bytes} is closed with 1013 (it reconnects and reads the rest over REST);
 * all sockets of the node together hold at most {@code iris.ws.max-pending-bytes-per-node} (an
 * eighth of the heap unless set), and when a frame would pass that, the sockets furthest behind are
 * closed first, 1013 too.
 */
@ApplicationScoped
public class SocketDelivery {

    private static final Logger LOG = Logger.getLogger(SocketDelivery.class.getName());
    static final int BEHIND = 1013;

    @Inject
    Sockets sockets;

    @Inject
    @ConfigProperty(name = "iris.ws.max-pending-bytes")
    long maxPerSocket;

    /** 0: an eighth of the heap. */
    @Inject
    @ConfigProperty(name = "iris.ws.max-pending-bytes-per-node")
    long configuredPerNode;

    private long maxPerNode;
    private final AtomicLong pending = new AtomicLong();

    @PostConstruct
    void bound() {
        maxPerNode = configuredPerNode > 0 ? configuredPerNode : Runtime.getRuntime().maxMemory() / 8;
    }

    /** What a new socket writes through. */
    Outbound outbound(Session session) {
        return new Outbound(session, bytes -> pending.addAndGet(-bytes));
    }

    /** Sends the frame to every open socket of these recipients on this node but {@code except} (a socket's id, or null). */
    public void deliver(Set<UUID> recipients, String frame, String except) {
        for (UUID recipient : recipients) {
            for (Session session : sockets.of(recipient)) {
                if (except == null || !except.equals(session.getId())) {
                    send(session, frame);
                }
            }
        }
    }

    /** Sends the frame to that socket, within its bound and the node's. */
    public void send(Session session, String frame) {
        Sockets.State state = Sockets.state(session);
        if (state == null || !session.isOpen()) {
            return;
        }
        long cost = Outbound.cost(frame);
        if (pending.addAndGet(cost) > maxPerNode && !relieve(session)) {
            pending.addAndGet(-cost);
            return;
        }
        switch (state.out.offer(frame, cost, maxPerSocket)) {
            case QUEUED -> {
                // on its way
            }
            case FULL -> {
                pending.addAndGet(-cost);
                sockets.close(session, BEHIND, "Too far behind: reconnect and read over REST.");
            }
            case ENDED -> pending.addAndGet(-cost);
        }
    }

    /**
     * Closes the sockets furthest behind until the node is back within its bound.
     *
     * @return false where the socket about to get a frame was itself the furthest behind, and closed
     */
    private synchronized boolean relieve(Session receiving) {
        while (pending.get() > maxPerNode) {
            Session furthest = null;
            long most = 0;
            for (Session session : sockets.all()) {
                Sockets.State state = Sockets.state(session);
                long behind = state == null ? 0 : state.out.behind();
                if (behind > most) {
                    most = behind;
                    furthest = session;
                }
            }
            if (furthest == null) {
                return true; // nothing waits: only frames being written, soon released
            }
            LOG.fine(() -> "This node's sockets hold more than " + maxPerNode + " bytes: closing the one furthest behind");
            sockets.close(furthest, BEHIND, "The server is busy: reconnect and read over REST.");
            if (furthest == receiving) {
                return false;
            }
        }
        return true;
    }
}
