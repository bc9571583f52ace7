package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iris.identity.entity.PinChallenge;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.Secrets;

import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Six-digit PINs: drawn from {@link SecureRandom}, stored only as a keyed hash bound to the email
 * and purpose (a million PINs are quickly hashed; without the server secret, a stolen hash is useless).
 */
@ApplicationScoped
public class Pins {

    private static final Pattern SHAPE = Pattern.compile("\\d{6}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Secrets secrets;

    public String draw() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    public String hash(String emailHash, PinChallenge.Purpose purpose, String pin) {
        return secrets.keyedHash("pin", emailHash + ":" + purpose + ":" + pin);
    }

    /** @throws InvalidRequest unless the PIN is six digits; a malformed PIN is not counted as a try */
    public static String wellFormed(String pin) {
        String stripped = pin == null ? "" : pin.strip();
        if (!SHAPE.matcher(stripped).matches()) {
            throw new InvalidRequest("A PIN is six digits.", List.of(new FieldError("pin", "six digits")));
        }
        return stripped;
    }

    /** The one answer to any PIN that is not accepted: wrong, expired, used, voided or never sent. */
    public static InvalidRequest refused() {
        return new InvalidRequest("The PIN is wrong or no longer valid. A PIN is valid " + PinChallenge.VALID_MINUTES
                + " minutes and for " + PinChallenge.MAX_FAILURES + " tries; ask for a new one if needed.",
                List.of(new FieldError("pin", "wrong or no longer valid")));
    }
}
