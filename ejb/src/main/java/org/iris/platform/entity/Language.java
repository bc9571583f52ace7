package org.iris.platform.entity;

import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;

import java.util.List;
import java.util.Locale;

/** The languages Iris writes its mails in (SPEC §10: at least English and French). */
public enum Language {
    EN, FR;

    public static final Language DEFAULT = EN;

    /** @param code {@code null} means the default language */
    public static Language parse(String code, String field) {
        if (code == null) {
            return DEFAULT;
        }
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("Iris speaks " + List.of(values()).toString().toLowerCase(Locale.ROOT) + ".",
                    List.of(new FieldError(field, "one of en, fr")));
        }
    }

    /** A stored code; an unknown one (a language since removed) falls back to the default. */
    public static Language of(String code) {
        for (Language language : values()) {
            if (language.code().equals(code)) {
                return language;
            }
        }
        return DEFAULT;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
