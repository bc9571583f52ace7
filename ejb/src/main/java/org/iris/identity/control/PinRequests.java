package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.identity.entity.Backoff;
import org.iris.platform.entity.Language;
import org.iris.identity.entity.PinChallenge;
import org.iris.platform.control.TooManyAttempts;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The PIN life cycle shared by registration and password reset: a rate-limited request that issues
 * (or replaces) the PIN, and a rate-limited try that accepts it once.
 *
 * <p>Budgets, all shared by every node and counted before any work: PIN requests per email and
 * purpose ({@code iris.pin.max-requests-per-hour}) and per source address
 * ({@code iris.pin.address.max-requests-per-hour}); tries per email and purpose
 * ({@code iris.pin.max-tries-per-hour}, which a new PIN does not reset, so that asking again buys no
 * guesses) and per source address ({@code iris.pin.address.max-tries-per-hour}, so that guesses
 * spread over many emails run out too). Each answers alike whether or not the email has an account.
 */
@ApplicationScoped
public class PinRequests {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final String REQUEST = "pin-request";
    private static final String TRY = "pin-try";

    @Inject
    @ConfigProperty(name = "iris.pin.max-requests-per-hour")
    int maxRequestsPerHour;

    @Inject
    @ConfigProperty(name = "iris.pin.address.max-requests-per-hour")
    int maxAddressRequestsPerHour;

    @Inject
    @ConfigProperty(name = "iris.pin.max-tries-per-hour")
    int maxTriesPerHour;

    @Inject
    @ConfigProperty(name = "iris.pin.address.max-tries-per-hour")
    int maxAddressTriesPerHour;

    @Inject
    Throttles throttles;

    @Inject
    Pins pins;

    /**
     * Lets a request for a PIN through and counts it, committed at once.
     *
     * @param sourceAddress where the request comes from; {@code null} counts no address
     * @throws TooManyAttempts when the email or the address has asked too often
     */
    public Throttles.Taken admit(String emailHash, PinChallenge.Purpose purpose, String sourceAddress, Instant now) {
        return throttles.take(now, "Too many codes were asked for this email or from this address; try again later.",
                limits(key(REQUEST, emailHash, purpose), maxRequestsPerHour,
                        sourceAddress == null ? null : "pin-request-address:" + Throttles.network(sourceAddress), maxAddressRequestsPerHour));
    }

    /**
     * Lets a try of a PIN through and counts it, committed at once, before the PIN is even looked at.
     *
     * @throws TooManyAttempts when the email's PINs or the address have been tried too often
     */
    public Throttles.Taken admitTry(String emailHash, PinChallenge.Purpose purpose, String sourceAddress, Instant now) {
        return throttles.take(now, "Too many codes were tried for this email or from this address; try again later.",
                limits(key(TRY, emailHash, purpose), maxTriesPerHour,
                        sourceAddress == null ? null : "pin-try-address:" + Throttles.network(sourceAddress), maxAddressTriesPerHour));
    }

    /** Runs what a request or a try was counted for; should a database be away, the attempt is given back. */
    public <T> T counted(Throttles.Taken taken, java.util.function.Supplier<T> work) {
        return throttles.counted(taken, key -> true, work);
    }

    public void counted(Throttles.Taken taken, Runnable work) {
        throttles.counted(taken, key -> true, work);
    }

    /** The email's PIN was accepted: its tries are forgotten. Runs in the caller's transaction on {@code global}. */
    public void forgetTries(String emailHash, PinChallenge.Purpose purpose) {
        throttles.clear(key(TRY, emailHash, purpose));
    }

    private static Throttles.Limit[] limits(String emailKey, int emailMax, String addressKey, int addressMax) {
        Throttles.Limit email = new Throttles.Limit(emailKey, perHour(emailMax));
        return addressKey == null ? new Throttles.Limit[] {email}
                : new Throttles.Limit[] {email, new Throttles.Limit(addressKey, perHour(addressMax))};
    }

    /** {@code max} attempts in an hour, then none until the hour is over. */
    private static Backoff perHour(int max) {
        return new Backoff(max - 1, HOUR, HOUR, HOUR);
    }

    /**
     * Issues a new PIN, replacing any earlier one; runs in the caller's transaction in the region.
     *
     * @return the PIN in clear, to be mailed and forgotten
     */
    public String issue(EntityManager region, String emailHash, PinChallenge.Purpose purpose, Language language,
                        Instant now) {
        return issue(region, emailHash, purpose, language, now, Duration.ofMinutes(PinChallenge.VALID_MINUTES));
    }

    /** Issues a PIN with a validity of its own: the setup PIN of a fresh install waits longer than ten minutes. */
    public String issue(EntityManager region, String emailHash, PinChallenge.Purpose purpose, Language language,
                        Instant now, Duration validity) {
        String pin = pins.draw();
        String hash = pins.hash(emailHash, purpose, pin);
        PinChallenge challenge = region.find(PinChallenge.class, new PinChallenge.Key(emailHash, purpose),
                LockModeType.PESSIMISTIC_WRITE);
        if (challenge == null) {
            region.persist(PinChallenge.issue(emailHash, purpose, hash, language, now, validity));
        } else {
            challenge.replace(hash, language, now, validity);
        }
        return pin;
    }

    /** The language the live PIN of the email was asked in, if there is one. */
    public Optional<Language> language(EntityManager region, String emailHash, PinChallenge.Purpose purpose) {
        return Optional.ofNullable(region.find(PinChallenge.class, new PinChallenge.Key(emailHash, purpose)))
                .map(PinChallenge::language);
    }

    /**
     * Tries a PIN; runs in the caller's transaction in the region, which must commit even when the
     * PIN is wrong so that the try is counted. An accepted PIN is deleted: it works once.
     */
    public PinChallenge.Outcome attempt(EntityManager region, String emailHash, PinChallenge.Purpose purpose,
                                        String pin, Instant now) {
        PinChallenge challenge = region.find(PinChallenge.class, new PinChallenge.Key(emailHash, purpose),
                LockModeType.PESSIMISTIC_WRITE);
        if (challenge == null) {
            return PinChallenge.Outcome.VOID;
        }
        PinChallenge.Outcome outcome = challenge.attempt(pins.hash(emailHash, purpose, pin), now);
        if (outcome == PinChallenge.Outcome.ACCEPTED) {
            region.remove(challenge);
        }
        return outcome;
    }

    private static String key(String what, String emailHash, PinChallenge.Purpose purpose) {
        return what + ":" + purpose + ":" + emailHash;
    }
}
