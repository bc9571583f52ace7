package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.identity.entity.Backoff;
import org.iris.platform.control.TooManyAttempts;

import java.time.Duration;
import java.time.Instant;

/**
 * How failed password checks slow down further tries, per account (by the hash of the email,
 * whether or not it has an account) and per source address: the {@code iris.login.*} settings.
 * Every password check counts: a login, and a password change with a stolen token alike.
 */
@ApplicationScoped
public class LoginBackoff {

    @Inject
    @ConfigProperty(name = "iris.login.account.free-failures")
    int accountFreeFailures;

    @Inject
    @ConfigProperty(name = "iris.login.address.free-failures")
    int addressFreeFailures;

    @Inject
    @ConfigProperty(name = "iris.login.backoff.base-seconds")
    long baseSeconds;

    @Inject
    @ConfigProperty(name = "iris.login.backoff.max-seconds")
    long maxSeconds;

    @Inject
    @ConfigProperty(name = "iris.login.window-seconds")
    long windowSeconds;

    @Inject
    Throttles throttles;

    /** @throws TooManyAttempts while the account or the address is held back */
    public void checkAllowed(String emailHash, String sourceAddress, Instant now) {
        Duration account = throttles.blockedFor(accountKey(emailHash), now);
        Duration address = sourceAddress == null ? Duration.ZERO : throttles.blockedFor(addressKey(sourceAddress), now);
        Duration blocked = account.compareTo(address) >= 0 ? account : address;
        if (!blocked.isZero()) {
            throw new TooManyAttempts("Too many failed logins; try again later, or reset the password.", blocked);
        }
    }

    /** Counts a failed password check, committed at once. */
    public void failed(String emailHash, String sourceAddress, Instant now) {
        throttles.count(accountKey(emailHash), backoff(accountFreeFailures), now);
        if (sourceAddress != null) {
            throttles.count(addressKey(sourceAddress), backoff(addressFreeFailures), now);
        }
    }

    /** Forgets the account's failures (a successful login, a reset by PIN); runs on {@code global}. */
    public void clear(String emailHash) {
        throttles.clear(accountKey(emailHash));
    }

    private Backoff backoff(int free) {
        return new Backoff(free, Duration.ofSeconds(baseSeconds), Duration.ofSeconds(maxSeconds),
                Duration.ofSeconds(windowSeconds));
    }

    private static String accountKey(String emailHash) {
        return "login-account:" + emailHash;
    }

    /** In clear here only: {@link Throttles} stores every key as a keyed hash. */
    private static String addressKey(String sourceAddress) {
        return "login-address:" + sourceAddress;
    }
}
