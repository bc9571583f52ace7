package org.iris.identity.entity;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential back-off: the first {@code free} attempts of a window cost nothing; each one after
 * blocks the key for {@code base}, then twice as long each time, never longer than {@code max}.
 * A window starts with the first attempt and lasts {@code window}; then the count starts again.
 */
public record Backoff(int free, Duration base, Duration max, Duration window) {

    public Backoff {
        if (free < 0 || base.isNegative() || base.isZero() || max.compareTo(base) < 0 || window.compareTo(max) < 0) {
            throw new IllegalArgumentException("A back-off needs free >= 0 and 0 < base <= max <= window");
        }
    }

    /** How long to block after the {@code count}-th attempt of a window. */
    public Duration after(int count) {
        if (count <= free) {
            return Duration.ZERO;
        }
        int doublings = count - free - 1;
        if (doublings >= 31) {
            return max;
        }
        Duration block = base.multipliedBy(1L << doublings);
        return block.compareTo(max) > 0 ? max : block;
    }

    public boolean windowOver(Instant windowStartedAt, Instant now) {
        return !now.isBefore(windowStartedAt.plus(window));
    }
}
