package org.iris.messaging.control;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.SecretKey;

/**
 * A push as it travels between the nodes of the grid, whose traffic is neither encrypted nor
 * trusted: sealed by {@link Seal} for the place {@value #PLACE}, and inside the seal, so that it is
 * authenticated and told to no one, who sent it (a random id per node start), its number (counted
 * from 0 per sender) and when (the sender's clock). A push opens once, where it was not sent, if it is
 * at most {@link #MAX_AGE} old and at most the clocks' skew ahead; a sender's numbers are checked
 * against a sliding window of the last {@value #WINDOW} (IPsec's anti-replay window), so that one
 * overtaken by later ones still opens once. Memory is bounded: a sender silent for
 * {@link #FORGET_AFTER} is forgotten, and past {@value #MAX_SENDERS} senders the longest silent is;
 * a forgotten sender's pushes must then be newer than any it sent before, or they are refused.
 * <p>
 * Plaintext, big-endian: node id (16 bytes), number (8), sent at (8, epoch milliseconds), count of
 * recipients (4), their ids (16 each), then the frame in UTF-8.
 */
public final class PushEnvelope {

    /** The associated data, of the layout above: pushes of a node of an older Iris do not open here, nor ours there. */
    static final String PLACE = "iris:push:2";
    static final Duration MAX_AGE = Duration.ofSeconds(30);
    /** How many numbers below a sender's highest are remembered; a multiple of 64. */
    static final int WINDOW = 1024;
    static final int MAX_SENDERS = 1024;
    static final Duration FORGET_AFTER = Duration.ofMinutes(5);
    private static final int HEADER_BYTES = 16 + 8 + 8 + 4;

    /** Why a push was refused; never what it says. */
    public enum Reason {
        BROKEN("it did not open: another iris.secret or another version of Iris in the cluster?"),
        MALFORMED("its layout is wrong"),
        OWN("it is this node's own, come back"),
        STALE("it is older than " + MAX_AGE.toSeconds() + " s"),
        FUTURE("it is from further ahead than the clocks' skew"),
        REPEATED("it was opened before"),
        OUT_OF_WINDOW("its number is more than " + WINDOW + " below its sender's highest"),
        FORGOTTEN_SENDER("its sender was forgotten and it is not newer than what that sender sent before");

        private final String why;

        Reason(String why) {
            this.why = why;
        }

        public String why() {
            return why;
        }
    }

    /** The push was refused; the message tells why and whose it was, never its content. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Reason reason;

        Refused(Reason reason, String whose) {
            super(reason.why() + whose, null, false, false); // an expected outcome: no stack trace
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** What an opened push is for. */
    public record Opened(Set<UUID> recipients, String frame) {
    }

    /** What was seen of one sender. */
    private static final class Sender {
        private final long[] seen = new long[WINDOW / Long.SIZE];
        private long highest = -1;
        /** The latest time it gave, by its clock. */
        private long latestSent = Long.MIN_VALUE;
        /** When, by this node's clock, a push of it last opened. */
        private Instant heard;

        boolean inWindow(long number) {
            return number > highest || highest - number < WINDOW;
        }

        /** Marks the number seen; false if it was already. The number is in the window. */
        boolean admit(long number) {
            if (number > highest) {
                if (highest < 0 || number - highest >= WINDOW) {
                    Arrays.fill(seen, 0L);
                } else {
                    for (long passed = highest + 1; passed < number; passed++) {
                        clear(passed);
                    }
                }
                highest = number;
            } else if (marked(number)) {
                return false;
            }
            mark(number);
            return true;
        }

        private static int bit(long number) {
            return (int) Math.floorMod(number, (long) WINDOW);
        }

        private boolean marked(long number) {
            int bit = bit(number);
            return (seen[bit >>> 6] & (1L << (bit & 63))) != 0;
        }

        private void mark(long number) {
            int bit = bit(number);
            seen[bit >>> 6] |= 1L << (bit & 63);
        }

        private void clear(long number) {
            int bit = bit(number);
            seen[bit >>> 6] &= ~(1L << (bit & 63));
        }
    }

    private final SecretKey key;
    private final Clock clock;
    private final Duration skew;
    private final UUID node = UUID.randomUUID();
    private final AtomicLong sent = new AtomicLong();
    /** By when a push of theirs last opened, the longest silent first; guarded by {@code this}. */
    private final LinkedHashMap<UUID, Sender> senders = new LinkedHashMap<>();
    /** A sender not in {@link #senders} must give a later time than this (epoch ms); guarded by {@code this}. */
    private long forgottenUpTo = Long.MIN_VALUE;

    /**
     * @param skew how far ahead of this node's clock another's may be
     */
    public PushEnvelope(SecretKey key, Clock clock, Duration skew) {
        this.key = key;
        this.clock = clock;
        this.skew = skew;
    }

    /** This node's id as a sender, new at each start. */
    public UUID node() {
        return node;
    }

    /** The frame for these recipients, sealed under the next number of this node. */
    public byte[] seal(Collection<UUID> recipients, String frame) {
        Set<UUID> unique = new LinkedHashSet<>(recipients);
        byte[] text = frame.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + 16 * unique.size() + text.length);
        out.putLong(node.getMostSignificantBits()).putLong(node.getLeastSignificantBits());
        out.putLong(sent.getAndIncrement());
        out.putLong(clock.millis());
        out.putInt(unique.size());
        for (UUID id : unique) {
            out.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        }
        return Seal.seal(key, out.put(text).array(), PLACE);
    }

    /**
     * Opens a push of another node, once.
     *
     * @throws Refused when it does not open, is not another node's, is out of time or was opened before
     */
    public Opened open(byte[] sealed) {
        ByteBuffer in;
        try {
            in = ByteBuffer.wrap(Seal.open(key, sealed, PLACE));
        } catch (Seal.Broken e) {
            throw new Refused(Reason.BROKEN, "");
        }
        UUID from;
        long number;
        long sentAt;
        Set<UUID> recipients;
        try {
            from = new UUID(in.getLong(), in.getLong());
            number = in.getLong();
            sentAt = in.getLong();
            int count = in.getInt();
            if (number < 0 || count < 0 || count > in.remaining() / 16) {
                throw new Refused(Reason.MALFORMED, "");
            }
            recipients = new LinkedHashSet<>(count);
            for (int i = 0; i < count; i++) {
                recipients.add(new UUID(in.getLong(), in.getLong()));
            }
        } catch (BufferUnderflowException e) {
            throw new Refused(Reason.MALFORMED, "");
        }
        if (from.equals(node)) {
            throw new Refused(Reason.OWN, whose(from, number, sentAt));
        }
        Instant now = clock.instant();
        long nowMillis = now.toEpochMilli();
        // bounds of now, not differences with the time given, which could overflow
        if (sentAt < nowMillis - MAX_AGE.toMillis()) {
            throw new Refused(Reason.STALE, whose(from, number, sentAt));
        }
        if (sentAt > nowMillis + skew.toMillis()) {
            throw new Refused(Reason.FUTURE, whose(from, number, sentAt));
        }
        admit(from, number, sentAt, now);
        byte[] frame = new byte[in.remaining()];
        in.get(frame);
        return new Opened(recipients, new String(frame, StandardCharsets.UTF_8));
    }

    private static String whose(UUID from, long number, long sentAt) {
        return " (node " + from + ", push " + number + ", sent at " + Instant.ofEpochMilli(sentAt) + ")";
    }

    private synchronized void admit(UUID from, long number, long sentAt, Instant now) {
        forgetSilent(now);
        Sender sender = senders.get(from);
        if (sender == null) {
            if (sentAt <= forgottenUpTo) {
                throw new Refused(Reason.FORGOTTEN_SENDER, whose(from, number, sentAt));
            }
            sender = new Sender();
        } else if (!sender.inWindow(number)) {
            throw new Refused(Reason.OUT_OF_WINDOW, whose(from, number, sentAt));
        }
        if (!sender.admit(number)) {
            throw new Refused(Reason.REPEATED, whose(from, number, sentAt));
        }
        sender.heard = now;
        sender.latestSent = Math.max(sender.latestSent, sentAt);
        senders.remove(from); // put again, last: the map runs from the longest silent to the latest heard
        senders.put(from, sender);
        if (senders.size() > MAX_SENDERS) {
            Iterator<Sender> oldest = senders.values().iterator();
            forget(oldest.next());
            oldest.remove();
        }
    }

    private void forgetSilent(Instant now) {
        Instant silentSince = now.minus(FORGET_AFTER);
        Iterator<Sender> oldest = senders.values().iterator();
        while (oldest.hasNext()) {
            Sender sender = oldest.next();
            if (sender.heard.isAfter(silentSince)) {
                return;
            }
            forget(sender);
            oldest.remove();
        }
    }

    /** Whatever that sender sent before may still be in time: none of it may open as a new sender's. */
    private void forget(Sender sender) {
        forgottenUpTo = Math.max(forgottenUpTo, sender.latestSent);
    }

    /** How many senders are remembered. */
    synchronized int senders() {
        return senders.size();
    }

    synchronized boolean remembers(UUID sender) {
        return senders.containsKey(sender);
    }
}
