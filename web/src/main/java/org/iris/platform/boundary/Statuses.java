package org.iris.platform.boundary;

import org.iris.platform.control.BusinessException;

/** The HTTP status of each kind of expected failure, for REST answers and socket error frames alike. */
public final class Statuses {

    private Statuses() {
    }

    public static int of(BusinessException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case INVALID -> 400;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case UNAUTHENTICATED -> 401;
            case TOO_MANY -> 429;
            case UNPROCESSABLE -> 422;
            case UNAVAILABLE -> 503;
            case TOO_LARGE -> 413;
        };
    }
}
