package org.iris.platform.entity;

import java.util.regex.Pattern;

/**
 * Whether a text others will see (a name, a bubble's name, a topic) has no control characters, line
 * or paragraph separators, nor bidirectional overrides: they would reorder or break what mails and
 * other people's screens show, and a NUL is refused by PostgreSQL.
 */
public final class PrintableText {

    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\u202a-\\u202e\\u2066-\\u2069]");
    /** The same, but for line breaks (\n), which a longer text may hold. */
    private static final Pattern UNPRINTABLE_BUT_LINES = Pattern.compile("[\\p{Cc}&&[^\\n]]|[\\p{Zl}\\p{Zp}\\u202a-\\u202e\\u2066-\\u2069]");

    private PrintableText() {
    }

    public static boolean printable(String text) {
        return !UNPRINTABLE.matcher(text).find();
    }

    public static boolean printableLines(String text) {
        return !UNPRINTABLE_BUT_LINES.matcher(text).find();
    }
}
