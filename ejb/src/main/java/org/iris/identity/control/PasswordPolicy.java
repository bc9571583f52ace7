package org.iris.identity.control;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * The password rules of SPEC §2: {@value #MIN} to {@value #MAX} characters with a lower-case letter,
 * an upper-case letter, a digit and a special character; and, because such rules alone admit
 * {@code Password123!}, not guessable: it must not contain the person's own names or email, and
 * zxcvbn (the estimator Dropbox published) must rate it at least {@value #MIN_SCORE} of 4.
 */
public final class PasswordPolicy {

    public static final int MIN = 12;
    public static final int MAX = 64;
    /** zxcvbn's "safely unguessable: moderate protection from offline slow-hash scenario". */
    public static final int MIN_SCORE = 3;

    /** Shorter personal words ("Li", "Ada") are too common to forbid inside a password. */
    static final int PERSONAL_MIN = 4;

    private static final Zxcvbn ESTIMATOR = new Zxcvbn();

    private PasswordPolicy() {
    }

    /**
     * @param field    the JSON field the password came in, named in the errors
     * @param personal what the person is known by (email, names): a password built from them is guessable
     * @throws InvalidRequest naming every rule the password breaks
     */
    public static void check(String password, String field, List<String> personal) {
        List<String> broken = broken(password, personal);
        if (!broken.isEmpty()) {
            throw new InvalidRequest("The password " + String.join("; ", broken) + ".",
                    broken.stream().map(rule -> new FieldError(field, rule)).toList());
        }
    }

    /** Each rule the password breaks, in words for the person typing it; empty when it is acceptable. */
    public static List<String> broken(String password, List<String> personal) {
        String candidate = password == null ? "" : password;
        List<String> broken = new ArrayList<>();
        int length = candidate.codePointCount(0, candidate.length());
        if (length < MIN || length > MAX) {
            broken.add("must have " + MIN + " to " + MAX + " characters");
        }
        if (candidate.codePoints().noneMatch(Character::isLowerCase)) {
            broken.add("needs a lower-case letter");
        }
        if (candidate.codePoints().noneMatch(Character::isUpperCase)) {
            broken.add("needs an upper-case letter");
        }
        if (candidate.codePoints().noneMatch(Character::isDigit)) {
            broken.add("needs a digit");
        }
        if (candidate.codePoints().allMatch(Character::isLetterOrDigit)) {
            broken.add("needs a special character (neither letter nor digit)");
        }
        if (containsPersonal(candidate, personal)) {
            broken.add("must not contain your name or email");
        }
        // The estimator's cost grows with length; past the maximum the password is refused anyway.
        if (length > 0 && length <= MAX) {
            Strength strength = ESTIMATOR.measure(candidate, personalWords(personal));
            if (strength.getScore() < MIN_SCORE) {
                String warning = strength.getFeedback().getWarning();
                broken.add("is too easy to guess" + (warning == null || warning.isBlank() ? "" : " (" + warning.strip()
                        .replaceAll("[.]$", "") + ")"));
            }
        }
        return broken;
    }

    /**
     * Whether the password holds a word of the person's own (a name, a part of the email) of at least
     * {@value #PERSONAL_MIN} letters, whatever its case: the first thing an attacker who knows the
     * person tries, and something zxcvbn forgives once digits and symbols surround it.
     */
    private static boolean containsPersonal(String password, List<String> personal) {
        String lower = password.toLowerCase(java.util.Locale.ROOT);
        return personalWords(personal).stream()
                .map(word -> word.toLowerCase(java.util.Locale.ROOT))
                .filter(word -> word.codePointCount(0, word.length()) >= PERSONAL_MIN)
                .anyMatch(lower::contains);
    }

    /** The inputs themselves and their parts: "jane.doe@acme.com" also means "jane", "doe" and "acme". */
    private static List<String> personalWords(List<String> personal) {
        List<String> words = new ArrayList<>();
        for (String input : personal) {
            if (input == null || input.isBlank()) {
                continue;
            }
            words.add(input);
            for (String part : input.split("[^\\p{L}\\p{N}]+")) {
                if (part.length() >= 3) {
                    words.add(part);
                }
            }
        }
        return words;
    }
}
