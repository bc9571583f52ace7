package org.iris.identity.entity;

import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A login email, normalized: trimmed and lower-cased, so that addresses differing only in case are
 * one account (SPEC §1).
 */
public record EmailAddress(String value) {

    public static final int MAX = 254;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    public static EmailAddress of(String raw, String field) {
        String normalized = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > MAX || !SHAPE.matcher(normalized).matches()) {
            throw new InvalidRequest("That is not an email address.", List.of(new FieldError(field, "not an email address")));
        }
        return new EmailAddress(normalized);
    }

    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    public String localPart() {
        return value.substring(0, value.indexOf('@'));
    }

    @Override
    public String toString() {
        return value;
    }
}
