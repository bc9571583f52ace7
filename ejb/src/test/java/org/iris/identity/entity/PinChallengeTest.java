package org.iris.identity.entity;

import org.iris.platform.entity.Language;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.iris.identity.entity.PinChallenge.Outcome.ACCEPTED;
import static org.iris.identity.entity.PinChallenge.Outcome.VOID;
import static org.iris.identity.entity.PinChallenge.Outcome.WRONG;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PinChallengeTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration TEN_MINUTES = Duration.ofMinutes(PinChallenge.VALID_MINUTES);

    private static PinChallenge challenge() {
        return PinChallenge.issue("email-hash", PinChallenge.Purpose.REGISTRATION, "right", Language.FR, T0, TEN_MINUTES);
    }

    @Test
    void theRightPinWithinTenMinutesIsAccepted() {
        assertEquals(ACCEPTED, challenge().attempt("right", T0.plus(TEN_MINUTES).minusSeconds(1)));
    }

    @Test
    void afterTenMinutesEvenTheRightPinIsVoid() {
        assertEquals(VOID, challenge().attempt("right", T0.plus(TEN_MINUTES)));
    }

    @Test
    void fiveWrongTriesVoidIt() {
        PinChallenge challenge = challenge();
        for (int i = 1; i <= PinChallenge.MAX_FAILURES; i++) {
            assertEquals(WRONG, challenge.attempt("wrong", T0));
            assertEquals(i, challenge.failedAttempts());
        }
        assertEquals(VOID, challenge.attempt("right", T0));
        assertEquals(PinChallenge.MAX_FAILURES, challenge.failedAttempts(), "a void PIN counts no more tries");
    }

    @Test
    void fourWrongTriesStillLeaveTheRightOneItsChance() {
        PinChallenge challenge = challenge();
        for (int i = 1; i < PinChallenge.MAX_FAILURES; i++) {
            challenge.attempt("wrong", T0);
        }
        assertEquals(ACCEPTED, challenge.attempt("right", T0));
    }

    @Test
    void aReplacementForgetsTheOldPinAndItsTries() {
        PinChallenge challenge = challenge();
        for (int i = 0; i < PinChallenge.MAX_FAILURES; i++) {
            challenge.attempt("wrong", T0);
        }
        Instant later = T0.plus(Duration.ofMinutes(30));
        challenge.replace("new", Language.EN, later, TEN_MINUTES);
        assertEquals(WRONG, challenge.attempt("right", later));
        assertEquals(ACCEPTED, challenge.attempt("new", later));
    }
}
