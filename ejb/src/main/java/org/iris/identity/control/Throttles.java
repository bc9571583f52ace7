package org.iris.identity.control;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.iris.identity.entity.Backoff;
import org.iris.identity.entity.Throttle;
import org.iris.platform.control.Secrets;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The global throttle counters. A key names what is counted ({@code login-account:<email hash>});
 * it is stored as a keyed hash. A count commits on its own, so that it stays counted whatever the
 * caller does next; {@link #clear} runs in the caller's transaction on {@code global}.
 */
@ApplicationScoped
public class Throttles {

    @Inject
    EntityManagers managers;

    @Inject
    Secrets secrets;

    @Inject
    Transactions transactions;

    public Duration blockedFor(String key, Instant now) {
        return Optional.ofNullable(managers.global().find(Throttle.class, stored(key)))
                .map(throttle -> throttle.blockedFor(now))
                .orElse(Duration.ZERO);
    }

    /**
     * Counts one attempt under the key and blocks it as the back-off says. Two first attempts of a
     * key at once both insert its row; the one that loses counts again, on the row the other made.
     */
    public void count(String key, Backoff backoff, Instant now) {
        try {
            hitCommitted(key, backoff, now);
        } catch (EJBException e) {
            hitCommitted(key, backoff, now);
        }
    }

    private void hitCommitted(String key, Backoff backoff, Instant now) {
        transactions.commit(() -> {
            hit(key, backoff, now);
            return null;
        });
    }

    private void hit(String key, Backoff backoff, Instant now) {
        var global = managers.global();
        Throttle throttle = global.find(Throttle.class, stored(key), LockModeType.PESSIMISTIC_WRITE);
        if (throttle == null) {
            throttle = Throttle.of(stored(key), now);
            global.persist(throttle);
        }
        throttle.hit(now, backoff);
    }

    public void clear(String key) {
        managers.global().createQuery("DELETE FROM Throttle t WHERE t.keyHash = :key")
                .setParameter("key", stored(key))
                .executeUpdate();
    }

    private String stored(String key) {
        return secrets.keyedHash("throttle", key);
    }
}
