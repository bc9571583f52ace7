package org.iris.network.entity;

import org.iris.network.entity.NetworkInvitation.Status;
import org.iris.platform.control.Conflict;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Language;
import org.iris.platform.entity.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sent and received sides of an invitation live in the two users' regions;
 * {@link NetworkInvitation#settle} carries a decision from one to the other.
 */
class NetworkInvitationTest {

    private static final UUID INVITER = UUID.randomUUID();
    private static final UUID INVITEE = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static NetworkInvitation sent() {
        return NetworkInvitation.sent(UUID.randomUUID(), INVITER, INVITEE, Region.DE, Language.EN, Status.PENDING, T0);
    }

    /** A waiting side takes the only decision there is, even one stamped by a clock behind its own. */
    @ParameterizedTest
    @CsvSource({"ACCEPTED, 60", "DECLINED, 60", "ACCEPTED, -5", "DECLINED, -5"})
    void aPendingSideTakesTheOtherSidesDecision(Status decision, long secondsAfterSending) {
        NetworkInvitation sent = sent();
        NetworkInvitation received = NetworkInvitation.received(sent, Region.EMEA);
        received.decide(decision, T0.plusSeconds(secondsAfterSending));

        assertTrue(sent.settle(received));
        assertEquals(decision, sent.status());
        assertEquals(received.changedAt(), sent.changedAt());
    }

    @Test
    void betweenTwoDecisionsTheLaterWins() {
        NetworkInvitation sent = sent();
        NetworkInvitation received = NetworkInvitation.received(sent, Region.EMEA);
        sent.decide(Status.CANCELED, T0.plusSeconds(10));
        received.decide(Status.ACCEPTED, T0.plusSeconds(20));

        assertFalse(received.settle(sent), "the acceptance came later");
        assertEquals(Status.ACCEPTED, received.status());
        assertTrue(sent.settle(received));
        assertEquals(Status.ACCEPTED, sent.status());
    }

    @Test
    void aDecidedSideIgnoresAPendingOne() {
        NetworkInvitation sent = sent();
        NetworkInvitation received = NetworkInvitation.received(sent, Region.EMEA);
        sent.decide(Status.CANCELED, T0.plusSeconds(10));

        assertFalse(sent.settle(received));
        assertEquals(Status.CANCELED, sent.status());
    }

    @Test
    void aDecisionIsTakenOnce() {
        NetworkInvitation received = NetworkInvitation.received(sent(), Region.EMEA);
        received.decide(Status.ACCEPTED, T0.plusSeconds(1));

        assertThrows(Conflict.class, () -> received.decide(Status.DECLINED, T0.plusSeconds(2)));
    }

    @Test
    void theInviterByEmailSeesADeclineAsPendingAndMayStillWithdraw() {
        NetworkInvitation sent = NetworkInvitation.sentByEmail(UUID.randomUUID(), INVITER,
                EmailAddress.of("someone@example.org", "email"), "hash", Language.EN, T0);
        sent.deliverTo(INVITEE, Region.DE, Status.PENDING, T0.plusSeconds(1));
        NetworkInvitation received = NetworkInvitation.received(sent, Region.EMEA);
        received.decide(Status.DECLINED, T0.plusSeconds(30));
        assertTrue(sent.settle(received));

        assertEquals(Status.PENDING, sent.shownToOwner());
        assertEquals(T0, sent.shownChangedAt().toInstant());
        assertFalse(sent.otherShown());
        sent.decide(Status.CANCELED, T0.plusSeconds(40));
        assertEquals(Status.CANCELED, sent.status());
    }
}
