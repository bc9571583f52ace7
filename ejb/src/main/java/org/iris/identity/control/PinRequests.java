package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.identity.entity.Backoff;
import org.iris.identity.entity.Language;
import org.iris.identity.entity.PinChallenge;
import org.iris.platform.control.TooManyAttempts;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The PIN life cycle shared by registration and password reset: a rate-limited request that issues
 * (or replaces) the PIN, and a try that accepts it once.
 */
@ApplicationScoped
public class PinRequests {

    @Inject
    @ConfigProperty(name = "iris.pin.max-requests-per-hour")
    int maxRequestsPerHour;

    @Inject
    Throttles throttles;

    @Inject
    Pins pins;

    /**
     * Lets a request for a PIN through and counts it (committed at once); the email is blocked for an
     * hour once it reaches the maximum.
     *
     * @throws TooManyAttempts when the email has asked too often; the same for known and unknown emails
     */
    public void admit(String emailHash, PinChallenge.Purpose purpose, Instant now) {
        Duration blocked = throttles.blockedFor(key(emailHash, purpose), now);
        if (!blocked.isZero()) {
            throw new TooManyAttempts("Too many codes were asked for this email; try again later.", blocked);
        }
        Duration hour = Duration.ofHours(1);
        throttles.count(key(emailHash, purpose), new Backoff(maxRequestsPerHour - 1, hour, hour, hour), now);
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

    private static String key(String emailHash, PinChallenge.Purpose purpose) {
        return "pin-request:" + purpose + ":" + emailHash;
    }
}
