package org.iris.identity.control;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.iris.identity.entity.Backoff;
import org.iris.identity.entity.Throttle;
import org.iris.platform.control.DatabaseFailures;
import org.iris.platform.control.Secrets;
import org.iris.platform.control.TooManyAttempts;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The global throttle counters, shared by every node. A key names what is counted
 * ({@code login-account:<email hash>}); it is stored as a keyed hash.
 *
 * <p>{@link #take} is the one way in: it checks and counts in one transaction that holds the keys'
 * rows locked, and commits before the caller does the expensive part (a password hash, a mail), so
 * that a burst of parallel requests gets no more attempts than the back-off allows: each waits for
 * the one before it to be counted: on this node in a local queue per key, across nodes on the row's
 * lock. {@link #clear} and {@link #refund} run in the caller's
 * transaction on {@code global}.
 */
@ApplicationScoped
public class Throttles {

    /** What one attempt counts toward: a key and how it backs off. */
    public record Limit(String key, Backoff backoff) {
    }

    /** An attempt counted: what each key's block was before it, and what it left, to take it back. */
    public record Taken(Map<String, OffsetDateTime[]> blocks) {

        Optional<OffsetDateTime[]> of(String key) {
            return Optional.ofNullable(blocks.get(key));
        }
    }

    /** Local queues of attempts, by key; unrelated keys that share a stripe only wait a little. */
    private static final int STRIPES = 64;

    /** Longest an attempt waits for the ones before it on this node before it is refused as one too many. */
    static final Duration LOCAL_WAIT = Duration.ofSeconds(5);

    private final ReentrantLock[] stripes = IntStream.range(0, STRIPES).mapToObj(i -> new ReentrantLock(true))
            .toArray(ReentrantLock[]::new);

    @Inject
    EntityManagers managers;

    @Inject
    Secrets secrets;

    @Inject
    Transactions transactions;

    /**
     * Counts one attempt under each limit, committed at once, unless one of them is blocked now: then
     * nothing is counted. Keys are locked in the order given; every caller names them in one order.
     *
     * @throws TooManyAttempts with the longest wait, when a key is blocked
     */
    public Taken take(Instant now, String refusal, Limit... limits) {
        List<ReentrantLock> held = new ArrayList<>();
        Outcome outcome;
        try {
            // the attempts of one key on this node queue here, not in the database holding a pooled
            // connection each: a burst on one key must not empty the pool that every request needs
            for (int stripe : stripesOf(limits)) {
                ReentrantLock lock = stripes[stripe];
                if (!lock.tryLock(LOCAL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new TooManyAttempts(refusal, Duration.ofSeconds(1));
                }
                held.add(lock);
            }
            outcome = takeRetried(now, limits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TooManyAttempts(refusal, Duration.ofSeconds(1));
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
        if (outcome.taken() == null) {
            throw new TooManyAttempts(refusal, outcome.blocked());
        }
        return outcome.taken();
    }

    /**
     * Two first attempts of a key at once (on two nodes) both insert its row; the one that lost counts
     * again, on the row the other made. Each try finds at least one more row, so as many tries as
     * there are keys are enough.
     */
    private Outcome takeRetried(Instant now, Limit... limits) {
        for (int tried = 1; ; tried++) {
            try {
                return takeCommitted(now, limits);
            } catch (EJBException e) {
                if (DatabaseFailures.unavailable(e) || tried > limits.length) {
                    throw e;
                }
            }
        }
    }

    /** The distinct stripes of the keys, in ascending order, so that two takes never wait on each other crosswise. */
    private static int[] stripesOf(Limit... limits) {
        return Arrays.stream(limits).mapToInt(limit -> Math.floorMod(limit.key().hashCode(), STRIPES))
                .distinct().sorted().toArray();
    }

    /** What was counted, or how long a key is still blocked when nothing was. */
    private record Outcome(Taken taken, Duration blocked) {
    }

    private Outcome takeCommitted(Instant now, Limit... limits) {
        return transactions.commit(() -> {
            var global = managers.global();
            Throttle[] rows = new Throttle[limits.length];
            Duration blocked = Duration.ZERO;
            for (int i = 0; i < limits.length; i++) {
                String key = stored(limits[i].key());
                Throttle row = global.find(Throttle.class, key, LockModeType.PESSIMISTIC_WRITE);
                if (row == null) {
                    row = Throttle.of(key, now);
                    global.persist(row);
                }
                rows[i] = row;
                Duration wait = row.blockedFor(now);
                blocked = wait.compareTo(blocked) > 0 ? wait : blocked;
            }
            if (!blocked.isZero()) {
                return new Outcome(null, blocked);
            }
            Map<String, OffsetDateTime[]> blocks = new HashMap<>();
            for (int i = 0; i < limits.length; i++) {
                OffsetDateTime before = rows[i].blockedUntil();
                rows[i].hit(now, limits[i].backoff());
                blocks.put(limits[i].key(), new OffsetDateTime[] {before, rows[i].blockedUntil()});
            }
            return new Outcome(new Taken(blocks), Duration.ZERO);
        });
    }

    /**
     * Runs what the attempt was counted for; should it fail because a database is unavailable, the
     * attempt is taken back under the keys {@code refunded} accepts: an outage must not lock an
     * account, or an office behind one address, out. Any other failure (a wrong password, a refused
     * PIN, a bug) keeps it counted, and so do the keys not accepted.
     */
    public <T> T counted(Taken taken, Predicate<String> refunded, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (DatabaseFailures.unavailable(e)) {
                try {
                    transactions.run(() -> taken.blocks().keySet().stream().filter(refunded).forEach(key -> refund(taken, key)));
                } catch (RuntimeException alsoDown) {
                    e.addSuppressed(alsoDown);
                }
            }
            throw e;
        }
    }

    /** {@link #counted(Taken, Predicate, Supplier)} for work that answers nothing. */
    public void counted(Taken taken, Predicate<String> refunded, Runnable work) {
        counted(taken, refunded, () -> {
            work.run();
            return null;
        });
    }

    /** Forgets the key's count and block. */
    public void clear(String key) {
        managers.global().createQuery("DELETE FROM Throttle t WHERE t.keyHash = :key")
                .setParameter("key", stored(key))
                .executeUpdate();
    }

    /**
     * Takes back one attempt that {@link #take} counted under the key and that turned out to be no
     * failure, with the block it started.
     */
    public void refund(Taken taken, String key) {
        Throttle row = managers.global().find(Throttle.class, stored(key), LockModeType.PESSIMISTIC_WRITE);
        taken.of(key).ifPresent(block -> {
            if (row != null) {
                row.refund(block[0], block[1]);
            }
        });
    }

    /**
     * Forgets the counters whose window is long over and that block nothing; runs in the caller's
     * transaction on {@code global}.
     *
     * @param before no window of any key lasts longer than from here to now
     */
    public int purge(Instant before, Instant now) {
        return managers.global().createQuery("DELETE FROM Throttle t WHERE t.windowStartedAt < :before"
                        + " AND t.blockedUntil < :now")
                .setParameter("before", before.atOffset(ZoneOffset.UTC))
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    /**
     * What a budget per source address counts: an IPv4 address, or the /64 network of an IPv6 one,
     * which one subscriber usually holds whole (counting single IPv6 addresses would give each of its
     * 2^64 addresses a budget of its own).
     */
    public static String network(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1)
                    : address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }

    private String stored(String key) {
        return secrets.keyedHash("throttle", key);
    }
}
