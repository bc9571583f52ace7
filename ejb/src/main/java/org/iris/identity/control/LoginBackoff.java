package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.identity.entity.Backoff;
import org.iris.platform.control.TooManyAttempts;
import org.iris.residency.control.Transactions;

import java.time.Duration;
import java.time.Instant;

/**
 * How failed password checks slow down further tries, per account (by the hash of the email,
 * whether or not it has an account) and per source address: the {@code iris.login.*} settings.
 * Every password check counts, before it is made: a login, and a password change with a stolen
 * token alike.
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

    @Inject
    Transactions transactions;

    /**
     * Counts a password check before it is made, committed at once: each one counts as a failure
     * until {@link #succeeded} takes it back, so that a burst of parallel guesses gets no more checks
     * than the back-off allows.
     *
     * @param sourceAddress {@code null} where no address counts (a password change with a token)
     * @throws TooManyAttempts while the account or the address is held back; nothing is counted then
     */
    public Throttles.Taken reserve(String emailHash, String sourceAddress, Instant now) {
        Throttles.Limit account = new Throttles.Limit(accountKey(emailHash), backoff(accountFreeFailures));
        String refusal = "Too many failed logins; try again later, or reset the password.";
        if (sourceAddress == null) {
            return throttles.take(now, refusal, account);
        }
        return throttles.take(now, refusal, account,
                new Throttles.Limit(addressKey(sourceAddress), backoff(addressFreeFailures)));
    }

    /**
     * The password was right: the account's failures are forgotten, and the address's check is taken
     * back with any block it started (many people log in from one office's address).
     */
    public void succeeded(Throttles.Taken reserved, String emailHash, String sourceAddress) {
        transactions.run(() -> {
            throttles.clear(accountKey(emailHash));
            if (sourceAddress != null) {
                throttles.refund(reserved, addressKey(sourceAddress));
            }
        });
    }

    /**
     * Runs the password check's preparation; should a database be away, the counted attempt is given
     * back, the address's too: an outage must not leave an office behind one address locked out.
     */
    public <T> T counted(Throttles.Taken reserved, java.util.function.Supplier<T> work) {
        return throttles.counted(reserved, key -> true, work);
    }

    /** Forgets the account's failures (a reset by PIN); runs on {@code global}. */
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
        return "login-address:" + Throttles.network(sourceAddress);
    }
}
