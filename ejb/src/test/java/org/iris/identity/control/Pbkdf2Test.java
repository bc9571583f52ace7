package org.iris.identity.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Pbkdf2Test {

    @Test
    void aHashSaysItsAlgorithmIterationsAndSalt() {
        String hash = Pbkdf2.hash("Quartz-Lantern-Orbit-42", 4_096);
        assertTrue(hash.matches("\\$pbkdf2-sha256\\$i=4096\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), hash);
        Pbkdf2.Hash parsed = Pbkdf2.parse(hash).orElseThrow();
        assertEquals(4_096, parsed.iterations());
        assertEquals(16, parsed.salt().length);
        assertEquals(32, parsed.derived().length, "one SHA-256 block, no more");
    }

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String hash = Pbkdf2.hash("Quartz-Lantern-Orbit-42", 4_096);
        assertTrue(Pbkdf2.verify("Quartz-Lantern-Orbit-42", hash));
        assertFalse(Pbkdf2.verify("Quartz-Lantern-Orbit-43", hash));
        assertFalse(Pbkdf2.verify("", hash));
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertNotEquals(Pbkdf2.hash("Quartz-Lantern-Orbit-42", 4_096), Pbkdf2.hash("Quartz-Lantern-Orbit-42", 4_096));
    }

    @Test
    void matchesAnIndependentlyComputedVector() {
        // Python: hashlib.pbkdf2_hmac("sha256", b"passwd", b"saltsaltsaltsalt", 4096, 32), base64 unpadded
        String stored = "$pbkdf2-sha256$i=4096$c2FsdHNhbHRzYWx0c2FsdA$IaVnlZKPA36kt8vlRLE76jCsneCKLJtJzuiVEAsVFKk";
        assertTrue(Pbkdf2.verify("passwd", stored));
        assertFalse(Pbkdf2.verify("passwe", stored));
    }

    @Test
    void malformedOrHostileHashesNeverVerify() {
        assertFalse(Pbkdf2.verify("x", null));
        assertFalse(Pbkdf2.verify("x", "$2a$10$abcdefghijklmnopqrstuv"));
        assertFalse(Pbkdf2.verify("x", "$pbkdf2-sha256$i=999999999$c2FsdHNhbHRzYWx0c2FsdA$"
                + "tVSc0ZhFz/V9jdPs/Ys6LsRPQHq7n6zqrfLFuAa3S/I"), "a cost that would stall a login");
        assertFalse(Pbkdf2.verify("x", "$pbkdf2-sha256$i=10$c2FsdHNhbHRzYWx0c2FsdA$"
                + "tVSc0ZhFz/V9jdPs/Ys6LsRPQHq7n6zqrfLFuAa3S/I"));
        assertThrows(IllegalArgumentException.class, () -> Pbkdf2.hash("x", 10));
    }
}
