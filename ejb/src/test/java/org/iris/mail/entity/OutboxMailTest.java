package org.iris.mail.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxMailTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static OutboxMail mail() {
        return OutboxMail.of("ada@example.org", OutboxMail.Lane.NOTICE, "company-invitation", null, "en",
                "{\"token\": \"secret\"}", T0, Duration.ofDays(7));
    }

    @Test
    void aMailRefusedForGoodIsGivenUpAfterAFewRefusalsAndEmptied() {
        OutboxMail mail = mail();
        for (int i = 1; i < OutboxMail.MAX_PERMANENT_FAILURES; i++) {
            assertFalse(mail.failed("550 no such user", true, T0, Duration.ofMinutes(10)));
            assertEquals(OutboxMail.Status.PENDING, mail.status());
        }
        assertTrue(mail.failed("550 no such user", true, T0, Duration.ofMinutes(10)));
        assertEquals(OutboxMail.Status.FAILED, mail.status());
        assertTrue(mail.values().isEmpty(), "the invitation's token is gone");
        assertEquals("550 no such user", mail.lastError().orElseThrow());
        assertEquals(OutboxMail.MAX_PERMANENT_FAILURES, mail.attempts());
    }

    @Test
    void aMailRefusedForNowIsTriedAgainEverLessOftenAndNeverGivenUpForIt() {
        OutboxMail mail = mail();
        for (int i = 0; i < 40; i++) {
            assertFalse(mail.failed("421 try later", false, T0, Duration.ofMinutes(10)));
        }
        assertEquals(OutboxMail.Status.PENDING, mail.status());
    }

    @Test
    void anExpiredMailIsGivenUpAndEmptied() {
        OutboxMail mail = mail();
        mail.expire(T0.plus(Duration.ofDays(8)));
        assertEquals(OutboxMail.Status.FAILED, mail.status());
        assertTrue(mail.values().isEmpty());
        assertTrue(mail.failedAt().isPresent());
    }

    /** A server refusing for a while by mistake must not cost every mail within seconds. */
    @Test
    void refusalsForGoodAreSpacedOut() {
        OutboxMail mail = mail();
        mail.failed("550 relaying denied", true, T0, Duration.ofMinutes(10));
        OutboxMail other = mail();
        other.failed("421 try later", false, T0, Duration.ofMinutes(10));
        assertTrue(nextAttempt(mail).compareTo(T0.plus(OutboxMail.REFUSAL_SPACING)) >= 0);
        assertTrue(nextAttempt(other).isBefore(T0.plusSeconds(5)));
    }

    private static Instant nextAttempt(OutboxMail mail) {
        try {
            var field = OutboxMail.class.getDeclaredField("nextAttemptAt");
            field.setAccessible(true);
            return ((java.time.OffsetDateTime) field.get(mail)).toInstant();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
