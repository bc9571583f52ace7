package org.iris.bubble.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.bubble.entity.Bubble;
import org.iris.identity.control.Throttles;
import org.iris.identity.entity.Backoff;
import org.iris.platform.control.Conflict;
import org.iris.platform.control.TooManyAttempts;
import org.iris.platform.entity.Region;
import org.iris.residency.control.EntityManagers;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * How much one user does with bubbles, shared by every node through the global throttle counters:
 * bubbles they create per hour and per day ({@code iris.bubbles.max-created-per-hour},
 * {@code .max-created-per-day}), active bubbles they own at most ({@code iris.bubbles.max-owned}), and
 * participants they add per hour ({@code iris.bubbles.max-added-per-hour}), accounts and guests alike
 * (guests count against the guest budget of {@link org.iris.identity.control.InvitationBudget} too).
 * Each bubble and each addition is rows in a region and pushes to its participants; a script must not
 * make them by the thousand.
 */
@ApplicationScoped
public class BubbleBudget {

    @Inject
    @ConfigProperty(name = "iris.bubbles.max-created-per-hour")
    int maxCreatedPerHour;

    @Inject
    @ConfigProperty(name = "iris.bubbles.max-created-per-day")
    int maxCreatedPerDay;

    @Inject
    @ConfigProperty(name = "iris.bubbles.max-owned")
    int maxOwned;

    @Inject
    @ConfigProperty(name = "iris.bubbles.max-added-per-hour")
    int maxAddedPerHour;

    @Inject
    Throttles throttles;

    @Inject
    EntityManagers managers;

    /**
     * One more bubble of this owner, in their region, where bubbles live. What they own is counted
     * there, without a lock: two creations at once may pass the bound by one each, which the hourly
     * budget keeps small. A refused bubble counts toward no budget.
     *
     * @throws Conflict once the owner has {@code iris.bubbles.max-owned} active bubbles in the region:
     *     waiting does not help, archiving or deleting one does
     * @throws TooManyAttempts once the owner has created their share this hour or today
     */
    public void create(UUID owner, Region region, Instant now) {
        long owned = managers.of(region).createQuery("SELECT COUNT(b) FROM Bubble b WHERE b.ownerId = :owner"
                        + " AND b.status = :active", Long.class)
                .setParameter("owner", owner)
                .setParameter("active", Bubble.Status.ACTIVE)
                .getSingleResult();
        if (owned >= maxOwned) {
            throw new Conflict("You own " + maxOwned + " active bubbles, the most one may; archive or delete one first.");
        }
        throttles.take(now, "You have created too many bubbles; try again later.",
                new Throttles.Limit("bubbles-created-hour:" + owner, perWindow(maxCreatedPerHour, Duration.ofHours(1))),
                new Throttles.Limit("bubbles-created-day:" + owner, perWindow(maxCreatedPerDay, Duration.ofDays(1))));
    }

    /**
     * One more participant added by this user, to any bubble. Counted once the rights table lets them
     * add, before anything is decided about whom: an addition that the visibility rules then refuse
     * counts too, so that probing who may be added costs the same budget.
     *
     * @throws TooManyAttempts once the adder has added their share this hour
     */
    public void add(UUID adder, Instant now) {
        throttles.take(now, "You have added too many participants to bubbles; try again later.",
                new Throttles.Limit("bubble-participants-added-hour:" + adder,
                        perWindow(maxAddedPerHour, Duration.ofHours(1))));
    }

    /** {@code max} attempts a window; the one after waits for the window's length. */
    private static Backoff perWindow(int max, Duration window) {
        return new Backoff(max - 1, window, window, window);
    }
}
