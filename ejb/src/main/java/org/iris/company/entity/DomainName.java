package org.iris.company.entity;

import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email domain of a company, normalized: trimmed, lower case, no trailing dot, international names
 * in their ASCII (punycode) form, so that one domain has one spelling and cannot be claimed twice.
 */
public record DomainName(String value) {

    public static final int MAX = 253;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public static DomainName of(String raw) {
        String stripped = raw == null ? "" : raw.strip();
        if (stripped.endsWith(".")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(stripped, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(raw);
        }
        String[] labels = ascii.split("\\.", -1);
        if (ascii.isEmpty() || ascii.length() > MAX || labels.length < 2
                || !List.of(labels).stream().allMatch(label -> LABEL.matcher(label).matches())
                || labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw invalid(raw);
        }
        return new DomainName(ascii);
    }

    private static InvalidRequest invalid(String raw) {
        return new InvalidRequest("'" + raw + "' is not a domain name.",
                List.of(new FieldError("domains", "not a domain name: " + raw)));
    }

    @Override
    public String toString() {
        return value;
    }
}
