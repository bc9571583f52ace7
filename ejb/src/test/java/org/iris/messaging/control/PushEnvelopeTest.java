package org.iris.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.iris.messaging.control.PushEnvelope.Reason;
import org.iris.messaging.control.PushEnvelope.Refused;
import org.junit.jupiter.api.Test;

/** A push between nodes opens once, while fresh, only where it was sealed for; what is kept of senders stays bounded. */
class PushEnvelopeTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final String FRAME = "{\"type\":\"message\",\"body\":\"meet me at the old mill – à midi\"}";
    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();

    private final SecretKey key = Seal.newKey();
    private final MovableClock senderClock = new MovableClock(NOW);
    private final MovableClock receiverClock = new MovableClock(NOW);
    private final PushEnvelope sender = new PushEnvelope(key, senderClock, SKEW);
    private final PushEnvelope receiver = new PushEnvelope(key, receiverClock, SKEW);

    /** A clock that tests move by hand. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private byte[] push(PushEnvelope from) {
        return from.seal(List.of(ANN, BOB), FRAME);
    }

    private static void assertRefused(Reason reason, PushEnvelope at, byte[] sealed) {
        Refused refused = assertThrows(Refused.class, () -> at.open(sealed));
        assertEquals(reason, refused.reason(), refused.getMessage());
        assertFalse(refused.getMessage().contains("old mill"), "a refusal never tells the content");
    }

    @Test
    void aFreshPushOpensWithItsRecipientsInOrderAndItsFrame() {
        byte[] sealed = sender.seal(List.of(BOB, ANN, BOB), FRAME);

        PushEnvelope.Opened push = receiver.open(sealed);

        assertEquals(List.of(BOB, ANN), new ArrayList<>(push.recipients()));
        assertEquals(FRAME, push.frame());
    }

    @Test
    void theSameBytesAgainAreRefused() {
        byte[] sealed = push(sender);
        receiver.open(sealed);

        assertRefused(Reason.REPEATED, receiver, sealed);
    }

    @Test
    void anOlderNumberWithinTheWindowThatWasNotSeenOpensOnce() {
        byte[] first = push(sender);
        byte[] second = push(sender);
        byte[] third = push(sender);
        receiver.open(third);

        assertEquals(FRAME, receiver.open(first).frame());
        assertRefused(Reason.REPEATED, receiver, first);
        assertEquals(FRAME, receiver.open(second).frame());
        assertRefused(Reason.REPEATED, receiver, third);
    }

    @Test
    void aNumberAWholeWindowBelowTheHighestIsRefusedOneLessOpens() {
        List<byte[]> pushes = new ArrayList<>();
        for (int number = 0; number <= PushEnvelope.WINDOW; number++) {
            pushes.add(push(sender));
        }
        receiver.open(pushes.get(PushEnvelope.WINDOW));

        assertRefused(Reason.OUT_OF_WINDOW, receiver, pushes.get(0));
        assertEquals(FRAME, receiver.open(pushes.get(1)).frame());
    }

    @Test
    void aPushOlderThan30SecondsIsRefused() {
        byte[] justInTime = push(sender);
        byte[] stale = push(sender);
        receiverClock.advance(Duration.ofSeconds(30));
        receiver.open(justInTime);

        receiverClock.advance(Duration.ofSeconds(1));

        assertRefused(Reason.STALE, receiver, stale);
    }

    @Test
    void aPushFromFurtherAheadThanTheSkewIsRefused() {
        senderClock.advance(SKEW);
        receiver.open(push(sender));

        senderClock.advance(Duration.ofSeconds(1));

        assertRefused(Reason.FUTURE, receiver, push(sender));
    }

    @Test
    void aPushWithAnyByteAlteredIsRefused() {
        byte[] sealed = push(sender);
        for (int i = 0; i < sealed.length; i++) {
            byte[] altered = sealed.clone();
            altered[i] ^= 0x01;
            assertRefused(Reason.BROKEN, receiver, altered);
        }
        assertRefused(Reason.BROKEN, receiver, new byte[10]);
        assertEquals(FRAME, receiver.open(sealed).frame(), "the refused copies left the original unseen");
    }

    @Test
    void aPushSealedUnderAnotherKeyIsRefused() {
        PushEnvelope stranger = new PushEnvelope(Seal.newKey(), senderClock, SKEW);

        assertRefused(Reason.BROKEN, receiver, push(stranger));
    }

    @Test
    void aPushOfTheFormerLayoutOrPlaceIsRefused() {
        ByteBuffer former = ByteBuffer.allocate(4 + 16).putInt(1).putLong(1).putLong(2);

        assertRefused(Reason.BROKEN, receiver, Seal.seal(key, former.array(), "iris:push"));
        assertRefused(Reason.MALFORMED, receiver, Seal.seal(key, former.array(), PushEnvelope.PLACE));
    }

    @Test
    void thisNodesOwnPushComingBackIsRefused() {
        assertRefused(Reason.OWN, sender, push(sender));
    }

    @Test
    void twoSendersDoNotInterfere() {
        PushEnvelope other = new PushEnvelope(key, senderClock, SKEW);
        List<byte[]> pushes = new ArrayList<>();
        for (int number = 0; number <= PushEnvelope.WINDOW; number++) {
            pushes.add(push(sender));
        }
        byte[] othersFirst = push(other);
        byte[] othersSecond = push(other);
        receiver.open(pushes.get(PushEnvelope.WINDOW));

        assertEquals(FRAME, receiver.open(othersSecond).frame(), "the same number from another sender");
        assertEquals(FRAME, receiver.open(othersFirst).frame(), "not out of the window of the first sender");
        assertRefused(Reason.REPEATED, receiver, othersFirst);
        assertEquals(FRAME, receiver.open(pushes.get(PushEnvelope.WINDOW - 1)).frame());
        assertRefused(Reason.OUT_OF_WINDOW, receiver, pushes.get(0));
    }

    @Test
    void pastTheCapTheLongestSilentSenderIsForgottenAndItsOldPushesStillRefused() {
        byte[] firstsPush = push(sender);
        receiver.open(firstsPush);
        List<PushEnvelope> others = new ArrayList<>();
        for (int i = 0; i < PushEnvelope.MAX_SENDERS; i++) {
            senderClock.advance(Duration.ofMillis(1));
            receiverClock.advance(Duration.ofMillis(1));
            PushEnvelope another = new PushEnvelope(key, senderClock, SKEW);
            receiver.open(push(another));
            others.add(another);
        }

        assertEquals(PushEnvelope.MAX_SENDERS, receiver.senders());
        assertFalse(receiver.remembers(sender.node()));
        assertTrue(receiver.remembers(others.get(0).node()));
        assertRefused(Reason.FORGOTTEN_SENDER, receiver, firstsPush);

        senderClock.advance(Duration.ofMillis(1));
        receiverClock.advance(Duration.ofMillis(1));
        assertEquals(FRAME, receiver.open(push(sender)).frame(), "a newer push of the forgotten sender opens");
        assertEquals(PushEnvelope.MAX_SENDERS, receiver.senders());
        assertTrue(receiver.remembers(sender.node()));
        assertFalse(receiver.remembers(others.get(0).node()));
        assertTrue(receiver.remembers(others.get(1).node()));
    }

    @Test
    void aSenderSilentForFiveMinutesIsForgotten() {
        receiver.open(push(sender));
        PushEnvelope restarted = new PushEnvelope(key, senderClock, SKEW);

        senderClock.advance(PushEnvelope.FORGET_AFTER);
        receiverClock.advance(PushEnvelope.FORGET_AFTER);
        receiver.open(push(restarted));

        assertEquals(1, receiver.senders());
        assertFalse(receiver.remembers(sender.node()));
        assertTrue(receiver.remembers(restarted.node()));
    }
}
