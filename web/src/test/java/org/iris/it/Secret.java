package org.iris.it;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The server secret the Iris under test is configured with ({@code it.secret}, a test value), so
 * that a test can find a row by the keyed hash of an email, as Iris does.
 */
public final class Secret {

    private static final byte[] MASTER = Base64.getDecoder().decode(System.getProperty("it.secret", ""));

    private Secret() {
    }

    public static String emailHash(String email) {
        return hmac(hmac(MASTER, "iris:email"), email.toLowerCase(java.util.Locale.ROOT));
    }

    private static String hmac(String keyHex, String value) {
        return hmac(HexFormat.of().parseHex(keyHex), value);
    }

    private static String hmac(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
