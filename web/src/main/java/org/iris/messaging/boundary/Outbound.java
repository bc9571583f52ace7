package org.iris.messaging.boundary;

import jakarta.websocket.Session;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What waits to be written to one socket: Iris's own queue in front of Tyrus's writer, which keeps
 * whatever it cannot write yet in an unbounded list. Tyrus gets one frame of a socket at a time, the
 * next once it was written; the others wait here, counted in bytes ({@link #cost}), so that a socket
 * that never reads holds no more than its bound. Frames go out in the order they were offered.
 */
final class Outbound {

    private static final Logger LOG = Logger.getLogger(Outbound.class.getName());
    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    /** What an offer came to. */
    enum Offer { QUEUED, FULL, ENDED }

    private final Session session;
    /** Told of the bytes this socket no longer holds: written, or dropped when it ended. */
    private final LongConsumer released;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    /** Bytes queued and the one frame Tyrus writes; guarded by this. */
    private long pending;
    /** What the frame Tyrus writes costs; released when written, or when the socket ends (Tyrus may never say). */
    private long inFlight;
    private boolean writing;
    private boolean ended;
    private long handedAt;

    Outbound(Session session, LongConsumer released) {
        this.session = session;
        this.released = released;
    }

    /**
     * What a frame costs while it waits: at most 3 bytes of UTF-8 a character (the writer's copy;
     * the string itself is shared by every socket it goes to), and a little for the entry.
     */
    static long cost(String frame) {
        return 3L * frame.length() + 64;
    }

    /** Bytes this socket holds, 0 once it ended (what Tyrus still writes is released when written). */
    synchronized long behind() {
        return ended ? 0 : pending;
    }

    /**
     * Queues the frame unless it would take this socket past {@code max} bytes, and starts writing
     * when nothing is being written. The caller has counted the cost toward the node already.
     */
    Offer offer(String frame, long cost, long max) {
        synchronized (this) {
            if (ended) {
                return Offer.ENDED;
            }
            if (pending + cost > max) {
                return Offer.FULL;
            }
            pending += cost;
            queue.add(frame);
            if (writing) {
                return Offer.QUEUED;
            }
            writing = true;
        }
        pump();
        return Offer.QUEUED;
    }

    /**
     * Drops what waits and the frame Tyrus has (closing the connection, Tyrus drops it without a word);
     * nothing is queued after, and a late word of Tyrus releases nothing twice.
     */
    void end() {
        long dropped;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            queue.clear();
            dropped = pending;
            pending = 0;
            inFlight = 0;
        }
        released.accept(dropped);
    }

    /**
     * Hands the queue's head to Tyrus, and the next once it was written: on this thread while Tyrus
     * writes at once, else from Tyrus's completion, so that the stack never grows with the queue.
     */
    private void pump() {
        while (true) {
            String next;
            synchronized (this) {
                next = ended ? null : queue.poll();
                if (next == null) {
                    writing = false;
                    return;
                }
                inFlight = cost(next);
                handedAt = System.nanoTime();
            }
            // 0: being handed over; 1: written before the hand-over returned; 2: returned first
            AtomicInteger handoff = new AtomicInteger();
            String frame = next;
            write(frame, () -> {
                written(frame);
                if (!handoff.compareAndSet(0, 1)) {
                    pump();
                }
            });
            if (!handoff.compareAndSet(0, 2)) {
                continue;
            }
            return;
        }
    }

    private void written(String frame) {
        long cost;
        synchronized (this) {
            cost = inFlight;
            inFlight = 0;
            pending -= cost;
        }
        released.accept(cost);
    }

    /** When the frame Tyrus has was handed to it ({@link System#nanoTime}); 0 while Tyrus has none. */
    synchronized long writingSince() {
        return inFlight > 0 ? handedAt : 0;
    }

    /**
     * Sends without waiting. Tyrus reschedules the socket's idle timer on every send, a managed task
     * whose context capture asks the thread's class loader for service providers, and the
     * application's loader scans every jar of the WAR for them: a quarter of the CPU under load. The
     * send runs with the platform's loader as the thread's, which answers at once; the frame is text
     * already and the timer is Tyrus's own class.
     */
    private void write(String frame, Runnable done) {
        Thread thread = Thread.currentThread();
        ClassLoader application = thread.getContextClassLoader();
        thread.setContextClassLoader(PLATFORM);
        try {
            session.getAsyncRemote().sendText(frame, result -> done.run());
        } catch (RuntimeException gone) {
            LOG.log(Level.FINE, "A socket went away while a frame was sent to it", gone);
            end();
            done.run();
        } finally {
            thread.setContextClassLoader(application);
        }
    }
}
