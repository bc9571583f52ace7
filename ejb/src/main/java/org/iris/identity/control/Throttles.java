package org.iris.identity.control;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.iris.identity.entity.Backoff;
import org.iris.identity.entity.Throttle;
import org.iris.platform.control.Secrets;
import org.iris.platform.control.TooManyAttempts;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The global throttle counters, shared by every node. A key names what is counted
 * ({@code login-account:<email hash>}); it is stored as a keyed hash.
 *
 * <p>{@link #take} is the one way in: it checks and counts in one transaction that holds the keys'
 * rows locked, and commits before the caller does the expensive part (a password hash, a mail), so
 * that a burst of parallel requests gets no more attempts than the back-off allows: each waits for
 * the one before it to be counted. {@link #clear} and {@link #refund} run in the caller's
 * transaction on {@code global}.
 */
@ApplicationScoped
public class Throttles {

    /** What one attempt counts toward: a key and how it backs off. */
    public record Limit(String key, Backoff backoff) {
    }

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
    public void take(Instant now, String refusal, Limit... limits) {
        Duration blocked;
        try {
            blocked = takeCommitted(now, limits);
        } catch (EJBException e) {
            // two first attempts of a key at once both insert its row; the one that lost counts again,
            // on the row the other made
            blocked = takeCommitted(now, limits);
        }
        if (!blocked.isZero()) {
            throw new TooManyAttempts(refusal, blocked);
        }
    }

    private Duration takeCommitted(Instant now, Limit... limits) {
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
            if (blocked.isZero()) {
                for (int i = 0; i < limits.length; i++) {
                    rows[i].hit(now, limits[i].backoff());
                }
            }
            return blocked;
        });
    }

    /** Forgets the key's count and block. */
    public void clear(String key) {
        managers.global().createQuery("DELETE FROM Throttle t WHERE t.keyHash = :key")
                .setParameter("key", stored(key))
                .executeUpdate();
    }

    /** Takes back one attempt that {@link #take} counted and that turned out to be no failure. */
    public void refund(String key) {
        Throttle row = managers.global().find(Throttle.class, stored(key), LockModeType.PESSIMISTIC_WRITE);
        if (row != null) {
            row.refund();
        }
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

    private String stored(String key) {
        return secrets.keyedHash("throttle", key);
    }
}
