package org.iris.platform.boundary;

import java.util.Locale;

/** How constants appear on the wire: lower case, words joined by hyphens ({@code AUTO_ACCEPTED} is {@code auto-accepted}). */
public final class Codes {

    private Codes() {
    }

    public static String of(Enum<?> constant) {
        return constant == null ? null : constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
