package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.iris.identity.entity.Backoff;
import org.iris.identity.entity.Throttle;
import org.iris.platform.control.Secrets;
import org.iris.residency.control.EntityManagers;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The global throttle counters; every write runs in the caller's transaction on {@code global}.
 * A key names what is counted ({@code login-account:<email hash>}); it is stored as a keyed hash.
 */
@ApplicationScoped
public class Throttles {

    @Inject
    EntityManagers managers;

    @Inject
    Secrets secrets;

    public Duration blockedFor(String key, Instant now) {
        return Optional.ofNullable(managers.global().find(Throttle.class, stored(key)))
                .map(throttle -> throttle.blockedFor(now))
                .orElse(Duration.ZERO);
    }

    public void hit(String key, Backoff backoff, Instant now) {
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
