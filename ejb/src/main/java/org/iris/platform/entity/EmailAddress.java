package org.iris.platform.entity;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A login email, normalized: trimmed and lower-cased, so that addresses differing only in case are
 * one account (SPEC §1).
 *
 * <p>One strict grammar, the same where an address comes in and where a mail goes out: a single bare
 * address, {@code local@domain}, whose local part is an RFC 5322 dot-atom (no quoted strings, no
 * comments, no display name, ASCII only) and whose domain is a host name of at least two labels
 * (letters, digits and inner hyphens). Jakarta Mail's strict parser must read it back as exactly
 * that one address. Whatever this accepts, the mail server can be handed; whatever it refuses never
 * reaches the outbox, so no address can make a mail fail for ever or fan out to several recipients.
 */
public record EmailAddress(String value) {

    public static final int MAX = 254;
    private static final String ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    private static final Pattern SHAPE = Pattern.compile(
            "(?=[^@]{1,64}@)" + ATOM + "(?:\\." + ATOM + ")*@" + LABEL + "(?:\\." + LABEL + ")*\\.[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private static final Pattern ANY_ADDRESS = Pattern.compile("[^\\s<>\"(),;:\\[\\]]+@([A-Za-z0-9.-]+)");

    public static EmailAddress of(String raw, String field) {
        return parse(raw).orElseThrow(() -> new InvalidRequest("That is not an email address.",
                List.of(new FieldError(field, "not an email address"))));
    }

    /** The address, normalized, if it passes the grammar; empty otherwise. */
    public static Optional<EmailAddress> parse(String raw) {
        String normalized = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > MAX || !SHAPE.matcher(normalized).matches() || !singleBareAddress(normalized)) {
            return Optional.empty();
        }
        return Optional.of(new EmailAddress(normalized));
    }

    private static boolean singleBareAddress(String candidate) {
        try {
            InternetAddress[] parsed = InternetAddress.parse(candidate, true);
            if (parsed.length != 1 || parsed[0].getPersonal() != null || parsed[0].isGroup()
                    || !candidate.equals(parsed[0].getAddress())) {
                return false;
            }
            parsed[0].validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    public String localPart() {
        return value.substring(0, value.indexOf('@'));
    }

    /**
     * The address as a log may show it: the first letter of the local part and the domain
     * ({@code a***@example.org}); the log is no place for who is who.
     */
    public String masked() {
        return value.charAt(0) + "***@" + domain();
    }

    /** The text with every address in it masked, for a log: a mail server's answer often names its recipient. */
    public static String redact(String text) {
        return text == null ? null : ANY_ADDRESS.matcher(text).replaceAll("***@$1");
    }

    @Override
    public String toString() {
        return value;
    }
}
