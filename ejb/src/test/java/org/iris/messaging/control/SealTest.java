package org.iris.messaging.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;

import javax.crypto.SecretKey;

import org.iris.platform.entity.Region;
import org.junit.jupiter.api.Test;

class SealTest {

    private static final byte[] TEXT = "meet me at the old mill".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSealedValueOpensWithItsKeyForItsPlaceOnly() {
        SecretKey key = Seal.newKey();
        byte[] sealed = Seal.seal(key, TEXT, "iris:message:a:1");
        assertEquals(12 + TEXT.length + 16, sealed.length);
        assertFalse(HexFormat.of().formatHex(sealed).contains(HexFormat.of().formatHex(TEXT)));
        assertArrayEquals(TEXT, Seal.open(key, sealed, "iris:message:a:1"));
        assertThrows(Seal.Broken.class, () -> Seal.open(key, sealed, "iris:message:a:2"), "moved to another row");
        assertThrows(Seal.Broken.class, () -> Seal.open(Seal.newKey(), sealed, "iris:message:a:1"), "another key");
        byte[] altered = sealed.clone();
        altered[20] ^= 1;
        assertThrows(Seal.Broken.class, () -> Seal.open(key, altered, "iris:message:a:1"), "altered");
        assertThrows(Seal.Broken.class, () -> Seal.open(key, new byte[10], "iris:message:a:1"), "too short");
    }

    @Test
    void noTwoSealsOfTheSameTextShareANonce() {
        SecretKey key = Seal.newKey();
        byte[] one = Seal.seal(key, TEXT, "p");
        byte[] two = Seal.seal(key, TEXT, "p");
        assertNotEquals(HexFormat.of().formatHex(one, 0, 12), HexFormat.of().formatHex(two, 0, 12));
    }

    private static String line(Region region, int version, SecretKey key) {
        return region + "." + version + "=" + Base64.getEncoder().encodeToString(key.getEncoded()) + "\n";
    }

    @Test
    void theKeyFileGivesEveryVersionTheHighestFirstInLine() {
        SecretKey old = Seal.newKey();
        SecretKey rotated = Seal.newKey();
        var keys = MessageKeys.parse(line(Region.EMEA, 1, old) + line(Region.EMEA, 2, rotated) + line(Region.DE, 1, Seal.newKey()),
                EnumSet.of(Region.EMEA, Region.DE));
        assertEquals(2, keys.get(Region.EMEA).lastKey());
        assertArrayEquals(rotated.getEncoded(), keys.get(Region.EMEA).lastEntry().getValue().getEncoded());
        assertArrayEquals(old.getEncoded(), keys.get(Region.EMEA).get(1).getEncoded());
    }

    @Test
    void aFileWithoutAServedRegionOrWithABadLineIsRefused() {
        String emea = line(Region.EMEA, 1, Seal.newKey());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> MessageKeys.parse(emea, EnumSet.of(Region.EMEA, Region.NA)));
        assertTrue(missing.getMessage().contains("NA"), missing.getMessage());
        for (String bad : new String[] {"EMEA.1=c2hvcnQ=\n", "MARS.1=" + emea.substring(7), "EMEA.0=" + emea.substring(7),
                "EMEA.x=" + emea.substring(7)}) {
            assertThrows(IllegalStateException.class, () -> MessageKeys.parse(bad, EnumSet.of(Region.EMEA)), bad);
        }
    }
}
