package org.iris.messaging.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;

class StreamSealTest {

    private final SecretKey key = Seal.newKey();
    private final UUID file = UUID.randomUUID();

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private byte[] open(byte[] sealed, UUID id) throws IOException {
        try (InputStream in = StreamSeal.opening(key, id, new ByteArrayInputStream(sealed))) {
            return in.readAllBytes();
        }
    }

    @Test
    void everySizeAroundTheSegmentsComesBackAndTakesTheSizeItSays() throws IOException {
        int segment = StreamSeal.SEGMENT;
        for (int size : new int[] {0, 1, segment - 1, segment, segment + 1, 3 * segment, 3 * segment + 17}) {
            byte[] plain = random(size);
            byte[] sealed = StreamSeal.sealAll(key, file, plain);
            assertEquals(StreamSeal.sealedSize(size), sealed.length, "size " + size);
            assertArrayEquals(plain, open(sealed, file), "size " + size);
        }
    }

    @Test
    void anAlteredCutExtendedOrForeignStreamDoesNotOpen() throws IOException {
        int segment = StreamSeal.SEGMENT;
        byte[] sealed = StreamSeal.sealAll(key, file, random(2 * segment + 100));
        byte[] altered = sealed.clone();
        altered[segment + 40] ^= 1;
        assertThrows(IOException.class, () -> open(altered, file), "altered");
        assertThrows(IOException.class, () -> open(Arrays.copyOf(sealed, segment + StreamSeal.TAG), file),
                "cut after a whole segment");
        assertThrows(IOException.class, () -> open(Arrays.copyOf(sealed, sealed.length - 1), file), "cut inside the last");
        byte[] longer = Arrays.copyOf(sealed, sealed.length + 20);
        assertThrows(IOException.class, () -> open(longer, file), "something appended");
        assertThrows(IOException.class, () -> open(sealed, UUID.randomUUID()), "another file's id");
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, 0, swapped, segment + StreamSeal.TAG, segment + StreamSeal.TAG);
        System.arraycopy(sealed, segment + StreamSeal.TAG, swapped, 0, segment + StreamSeal.TAG);
        assertThrows(IOException.class, () -> open(swapped, file), "segments reordered");
    }

    @Test
    void theNonceNumbersTheSegmentAndMarksTheLast() {
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 7, 1, 0, 0, 0}, StreamSeal.nonce(7, true));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0}, StreamSeal.nonce(256, false));
    }
}
