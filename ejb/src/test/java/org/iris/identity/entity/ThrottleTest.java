package org.iris.identity.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Backoff TWO_FREE = new Backoff(2, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1));

    /** Many people behind one office address: a right password counted in advance unblocks what it blocked. */
    @Test
    void aRefundTakesBackTheAttemptAndTheBlockItStarted() {
        Throttle throttle = Throttle.of("k", T0);
        throttle.hit(T0, TWO_FREE);
        throttle.hit(T0, TWO_FREE);
        OffsetDateTime before = throttle.blockedUntil();
        throttle.hit(T0, TWO_FREE);
        assertTrue(throttle.blockedFor(T0).compareTo(Duration.ofSeconds(30)) == 0, "the third attempt blocks");
        throttle.refund(before, throttle.blockedUntil());
        assertEquals(2, throttle.hits());
        assertEquals(Duration.ZERO, throttle.blockedFor(T0));
    }

    @Test
    void aRefundLeavesABlockAnotherAttemptSet() {
        Throttle throttle = Throttle.of("k", T0);
        for (int i = 0; i < 3; i++) {
            throttle.hit(T0, TWO_FREE);
        }
        OffsetDateTime mine = throttle.blockedUntil();
        throttle.hit(T0.plusSeconds(40), TWO_FREE); // someone else's failure, after mine
        throttle.refund(mine.minusSeconds(30), mine);
        assertTrue(throttle.blockedFor(T0.plusSeconds(40)).compareTo(Duration.ZERO) > 0);
    }
}
