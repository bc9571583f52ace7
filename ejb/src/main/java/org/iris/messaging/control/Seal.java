package org.iris.messaging.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM of the JDK, for short values (message bodies, wrapped keys, file names): a sealed value
 * is a 12-byte nonce, then the ciphertext with its 16-byte tag. The nonce is random (a
 * {@link SecureRandom}), never a counter, so that a transaction rolled back after sealing cannot make
 * the next seal reuse it; each data key seals far fewer than the 2^32 values random nonces allow.
 * The associated data binds a sealed value to its place (which conversation, which message): moved
 * to another row, it does not open.
 */
public final class Seal {

    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    static final String AES = "AES";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The value did not open: not sealed by that key, for that place, or altered. */
    public static final class Broken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Broken(Throwable cause) {
            super("A sealed value does not open with its key", cause);
        }
    }

    private Seal() {
    }

    /** A new random AES-256 key. */
    public static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance(AES);
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SecretKey key(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("An AES-256 key has 32 bytes, not " + raw.length);
        }
        return new SecretKeySpec(raw, AES);
    }

    public static byte[] seal(SecretKey key, byte[] plain, String place) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(place.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = Arrays.copyOf(nonce, NONCE_BYTES + cipher.getOutputSize(plain.length));
            cipher.doFinal(plain, 0, plain.length, sealed, NONCE_BYTES);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws Broken when it does not open with this key for this place */
    public static byte[] open(SecretKey key, byte[] sealed, String place) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new Broken(null);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(place.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new Broken(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
