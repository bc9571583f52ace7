package org.iris.identity.control;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PBKDF2-HMAC-SHA256 password hashes in a self-describing format,
 * {@code $pbkdf2-sha256$i=<iterations>$<salt>$<hash>} (salt and hash in unpadded base64), so that every
 * stored hash says how it was made and its cost can be raised later. One 32-byte block is derived:
 * a longer output would double the defender's work and not the attacker's.
 */
public final class Pbkdf2 {

    /** The white paper's figure; hashes made with it (imported accounts) verify and are upgraded. */
    public static final int WHITE_PAPER_ITERATIONS = 4_096;
    /** OWASP's recommendation for PBKDF2-HMAC-SHA256 (ASVS 5.0). */
    public static final int RECOMMENDED_ITERATIONS = 600_000;
    /** Bounds on what a stored hash may ask for, so that a corrupt or hostile hash cannot stall a login. */
    static final int MIN_ITERATIONS = 1_000;
    static final int MAX_ITERATIONS = 10_000_000;

    private static final String PREFIX = "$pbkdf2-sha256$i=";
    private static final Pattern FORMAT = Pattern.compile(
            "\\$pbkdf2-sha256\\$i=(\\d{1,9})\\$([A-Za-z0-9+/]{16,64})\\$([A-Za-z0-9+/]{43})");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    /** A stored hash, taken apart. */
    public record Hash(int iterations, byte[] salt, byte[] derived) {
    }

    private Pbkdf2() {
    }

    public static String hash(String password, int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of " + MIN_ITERATIONS + ".." + MAX_ITERATIONS);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return PREFIX + iterations + "$" + ENCODER.encodeToString(salt) + "$"
                + ENCODER.encodeToString(derive(password, salt, iterations));
    }

    /** Whether the password is the one the stored hash was made from; false for a malformed hash. */
    public static boolean verify(String password, String stored) {
        return parse(stored)
                .map(hash -> MessageDigest.isEqual(hash.derived(), derive(password, hash.salt(), hash.iterations())))
                .orElse(false);
    }

    public static Optional<Hash> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(stored);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int iterations = Integer.parseInt(matcher.group(1));
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            return Optional.empty();
        }
        return Optional.of(new Hash(iterations, DECODER.decode(matcher.group(2)), DECODER.decode(matcher.group(3))));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
