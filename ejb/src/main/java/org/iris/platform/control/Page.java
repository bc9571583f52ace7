package org.iris.platform.control;

import org.iris.platform.control.BusinessException.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * Which slice of a long list to answer: skip {@code offset} items, then at most {@code limit}. Both
 * are bounded: a deep offset costs the database a long read for nothing anyone pages through.
 */
public record Page(int offset, int limit) {

    public static final int MAX_LIMIT = 200;
    public static final int MAX_OFFSET = 10_000;

    /** @throws InvalidRequest naming {@code offset} or {@code limit} when out of range */
    public static Page of(int offset, int limit) {
        List<FieldError> errors = new ArrayList<>();
        if (offset < 0 || offset > MAX_OFFSET) {
            errors.add(new FieldError("offset", "0 to " + MAX_OFFSET));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new FieldError("limit", "1 to " + MAX_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("offset is 0 to " + MAX_OFFSET + ", limit 1 to " + MAX_LIMIT + ".", errors);
        }
        return new Page(offset, limit);
    }
}
