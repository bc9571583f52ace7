package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.identity.entity.Backoff;
import org.iris.platform.control.TooManyAttempts;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * How many invitations one user sends, shared by every node: to their network
 * ({@code iris.invitations.max-per-hour}, {@code .max-per-day}), and to join a company
 * ({@code iris.company-invitations.max-per-hour}, {@code .max-per-day}, higher: administrators
 * onboard whole teams), and guests to bubbles ({@code iris.guests.max-per-hour}, {@code .max-per-day}).
 * Each may mail someone, and each tells its sender a little; neither comes in floods. Guest links
 * opened from outside count per source address.
 */
@ApplicationScoped
public class InvitationBudget {

    @Inject
    @ConfigProperty(name = "iris.invitations.max-per-hour")
    int maxPerHour;

    @Inject
    @ConfigProperty(name = "iris.invitations.max-per-day")
    int maxPerDay;

    @Inject
    @ConfigProperty(name = "iris.company-invitations.max-per-hour")
    int maxCompanyPerHour;

    @Inject
    @ConfigProperty(name = "iris.company-invitations.max-per-day")
    int maxCompanyPerDay;

    @Inject
    @ConfigProperty(name = "iris.guests.max-per-hour")
    int maxGuestsPerHour;

    @Inject
    @ConfigProperty(name = "iris.guests.max-per-day")
    int maxGuestsPerDay;

    @Inject
    @ConfigProperty(name = "iris.guests.max-per-email-per-day")
    int maxGuestsPerEmail;

    @Inject
    @ConfigProperty(name = "iris.guests.address.max-tokens-per-hour")
    int maxGuestTokensPerAddress;

    @Inject
    Throttles throttles;

    /** @throws TooManyAttempts once the sender has sent their share of network invitations */
    public void network(UUID sender, Instant now) {
        take("invitations", sender, maxPerHour, maxPerDay, now);
    }

    /** @throws TooManyAttempts once the sender has sent their share of invitations to join a company */
    public void company(UUID sender, Instant now) {
        take("company-invitations", sender, maxCompanyPerHour, maxCompanyPerDay, now);
    }

    /**
     * @throws TooManyAttempts once the sender has invited their share of guests to bubbles by email, or
     *     the address has been invited {@code iris.guests.max-per-email-per-day} times by anyone (so that
     *     many free accounts do not make Iris mail one address over and over)
     */
    public void guests(UUID sender, String emailHash, Instant now) {
        throttles.take(now, "Too many guests were invited by you or to this address; try again later.",
                new Throttles.Limit("guest-invitations-hour:" + sender, perWindow(maxGuestsPerHour, Duration.ofHours(1))),
                new Throttles.Limit("guest-invitations-day:" + sender, perWindow(maxGuestsPerDay, Duration.ofDays(1))),
                new Throttles.Limit("guest-invitations-email:" + emailHash, perWindow(maxGuestsPerEmail, Duration.ofDays(1))));
    }

    /**
     * An invitation link opened from outside, before anything is looked up: at most
     * {@code iris.guests.address.max-tokens-per-hour} a source address (a guest renews about twelve an hour).
     *
     * @param sourceAddress where the request comes from; {@code null} counts no address
     * @throws TooManyAttempts once the address has opened its share
     */
    public void guestLink(String sourceAddress, Instant now) {
        if (sourceAddress != null) {
            throttles.take(now, "Too many invitation links were opened from this address; try again later.",
                    new Throttles.Limit("guest-link-address:" + Throttles.network(sourceAddress),
                            perWindow(maxGuestTokensPerAddress, Duration.ofHours(1))));
        }
    }

    private void take(String what, UUID sender, int hourly, int daily, Instant now) {
        throttles.take(now, "You have sent too many invitations; try again later.",
                new Throttles.Limit(what + "-hour:" + sender, perWindow(hourly, Duration.ofHours(1))),
                new Throttles.Limit(what + "-day:" + sender, perWindow(daily, Duration.ofDays(1))));
    }

    private static Backoff perWindow(int max, Duration window) {
        return new Backoff(max - 1, window, window, window);
    }
}
