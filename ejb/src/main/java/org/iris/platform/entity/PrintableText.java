package org.iris.platform.entity;

import java.util.regex.Pattern;

/**
 * Whether a text others will see (a name, a bubble's name, a topic) has no control characters, line
 * or paragraph separators, format characters (bidirectional overrides and marks, zero-width spaces,
 * soft hyphens; the zero-width joiners of emoji and non-joiners of Persian aside) nor lone
 * surrogates: they would hide, reorder or break what mails and other people's screens show, and a
 * NUL is refused by PostgreSQL. A name must also show something: a letter, digit, punctuation or symbol.
 */
public final class PrintableText {

    private static final Pattern UNPRINTABLE = Pattern.compile("[[\\p{Cc}\\p{Cs}\\p{Cf}\\p{Zl}\\p{Zp}]&&[^\\u200c\\u200d]]");
    /** The same, but for line breaks (\n), which a longer text may hold. */
    private static final Pattern UNPRINTABLE_BUT_LINES = Pattern.compile("[[\\p{Cc}\\p{Cs}\\p{Cf}\\p{Zl}\\p{Zp}]&&[^\\u200c\\u200d\\n]]");
    private static final Pattern VISIBLE = Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{S}]");

    private PrintableText() {
    }

    /** A one-line text that shows something and hides nothing. */
    public static boolean printable(String text) {
        return !UNPRINTABLE.matcher(text).find() && VISIBLE.matcher(text).find();
    }

    /** A text of lines (possibly empty) that hides nothing. */
    public static boolean printableLines(String text) {
        return !UNPRINTABLE_BUT_LINES.matcher(text).find();
    }
}
