package org.iris.platform.boundary;

import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;

import java.util.List;
import java.util.UUID;

/** Ids given as query parameters or in bodies, refused with 400 naming the field (JAX-RS would answer 404). */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequest(field + " is required.", List.of(new FieldError(field, "required")));
        }
        try {
            UUID id = UUID.fromString(text.strip());
            if (id.toString().equals(text.strip().toLowerCase(java.util.Locale.ROOT))) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new InvalidRequest(field + " is not a user id.", List.of(new FieldError(field, "a UUID")));
    }
}
