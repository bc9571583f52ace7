package org.iris.identity.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackoffTest {

    private static final Backoff LOGIN = new Backoff(5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1));
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void theFreeAttemptsCostNothingThenTheBlockDoublesUpToItsBound() {
        for (int i = 1; i <= 5; i++) {
            assertEquals(Duration.ZERO, LOGIN.after(i));
        }
        assertEquals(Duration.ofSeconds(30), LOGIN.after(6));
        assertEquals(Duration.ofSeconds(60), LOGIN.after(7));
        assertEquals(Duration.ofSeconds(480), LOGIN.after(10));
        assertEquals(Duration.ofMinutes(15), LOGIN.after(11));
        assertEquals(Duration.ofMinutes(15), LOGIN.after(1_000), "never more than the bound, never for good");
    }

    @Test
    void aThrottleBlocksAfterTheFreeAttemptsAndForgetsWhenItsWindowEnds() {
        Throttle throttle = Throttle.of("key", T0);
        for (int i = 0; i < 5; i++) {
            throttle.hit(T0, LOGIN);
        }
        assertEquals(Duration.ZERO, throttle.blockedFor(T0));
        throttle.hit(T0, LOGIN);
        assertEquals(Duration.ofSeconds(30), throttle.blockedFor(T0));
        assertEquals(Duration.ofSeconds(10), throttle.blockedFor(T0.plusSeconds(20)));
        assertEquals(Duration.ZERO, throttle.blockedFor(T0.plusSeconds(30)));

        Instant nextHour = T0.plus(Duration.ofHours(1));
        throttle.hit(nextHour, LOGIN);
        assertEquals(1, throttle.hits());
        assertEquals(Duration.ZERO, throttle.blockedFor(nextHour));
    }

    @Test
    void nonsenseBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(-1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(1, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofHours(1)));
    }
}
