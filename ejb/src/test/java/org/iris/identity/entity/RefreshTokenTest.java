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

    @Test
    void rotationSpendsTheTokenAndKeepsTheFamily() {
        RefreshToken first = RefreshToken.first("h1", UUID.randomUUID(), T0, TWO_WEEKS);
        RefreshToken second = first.rotate("h2", T0.plusSeconds(60), TWO_WEEKS);
        assertTrue(first.used());
        assertFalse(second.used());
        assertEquals(first.familyId(), second.familyId());
        assertEquals(first.accountId(), second.accountId());
    }

    @Test
    void aTokenExpiresAtTheEndOfItsValidity() {
        RefreshToken token = RefreshToken.first("h1", UUID.randomUUID(), T0, TWO_WEEKS);
        assertFalse(token.expired(T0.plus(TWO_WEEKS).minusSeconds(1)));
        assertTrue(token.expired(T0.plus(TWO_WEEKS)));
    }
}
