package org.iris.company.entity;

import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;

import java.util.List;

/** The name of a company, an organization or a PBX: 1 to {@value #MAX} characters once trimmed. */
public final class BusinessName {

    public static final int MAX = 200;

    private BusinessName() {
    }

    /**
     * @param what what is named, for the message: "company", "organization", "system"
     * @throws InvalidRequest naming the field {@code name}
     */
    public static String checked(String raw, String what) {
        String stripped = raw == null ? "" : raw.strip();
        if (stripped.isEmpty() || stripped.length() > MAX) {
            throw new InvalidRequest("A " + what + "'s name has 1 to " + MAX + " characters.",
                    List.of(new FieldError("name", "1 to " + MAX + " characters")));
        }
        return stripped;
    }
}
