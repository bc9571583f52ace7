package org.iris.identity.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefreshTokenTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration TWO_WEEKS = Duration.ofDays(14);
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    @Test
    void rotationSpendsTheTokenAndKeepsTheFamily() {
        RefreshToken first = RefreshToken.first("h1", UUID.randomUUID(), T0, TWO_WEEKS, THIRTY_DAYS);
        RefreshToken second = first.rotate("h2", T0.plusSeconds(60), TWO_WEEKS, THIRTY_DAYS);
        assertTrue(first.used());
        assertFalse(second.used());
        assertEquals(first.familyId(), second.familyId());
        assertEquals(first.accountId(), second.accountId());
    }

    @Test
    void aTokenExpiresAtTheEndOfItsValidity() {
        RefreshToken token = RefreshToken.first("h1", UUID.randomUUID(), T0, TWO_WEEKS, THIRTY_DAYS);
        assertFalse(token.expired(T0.plus(TWO_WEEKS).minusSeconds(1)));
        assertTrue(token.expired(T0.plus(TWO_WEEKS)));
    }

    /** Refreshing every day does not keep a session alive past its maximum, counted from its login. */
    @Test
    void noRefreshOutlivesTheSessionsMaximum() {
        RefreshToken token = RefreshToken.first("h0", UUID.randomUUID(), T0, TWO_WEEKS, THIRTY_DAYS);
        for (int day = 1; day <= 40; day++) {
            Instant now = T0.plus(Duration.ofDays(day));
            if (token.expired(now)) {
                assertEquals(30, day, "the session ended on day " + day);
                return;
            }
            token = token.rotate("h" + day, now, TWO_WEEKS, THIRTY_DAYS);
            assertFalse(token.expiresAt().toInstant().isAfter(T0.plus(THIRTY_DAYS)), "day " + day);
        }
        throw new AssertionError("refreshing every day kept the session alive for 40 days");
    }
}
