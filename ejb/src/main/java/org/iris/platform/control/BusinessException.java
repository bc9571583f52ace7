package org.iris.platform.control;

import jakarta.ejb.ApplicationException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The root of every expected failure. Its {@link Kind} tells the web tier which status to answer
 * with, so that no HTTP type leaks below it; its message is safe to show to the caller.
 */
@ApplicationException(rollback = true)
public abstract class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        NOT_FOUND, INVALID, CONFLICT, FORBIDDEN, UNAUTHENTICATED, TOO_MANY,
        /** Well-formed, but its content is refused (an infected file). */
        UNPROCESSABLE,
        /** A service it needs is not there now (clamd); nothing was changed. */
        UNAVAILABLE,
        /** Larger than the limit for what it is (a file). */
        TOO_LARGE
    }

    /** One input that broke a rule: which field and why. */
    public record FieldError(String field, String message) {
    }

    protected BusinessException(String message) {
        super(message, null, false, false);
    }

    public abstract Kind kind();

    /** A short, stable title for the kind of problem (RFC 9457 "title"). */
    public abstract String title();

    /** A more precise problem type than the kind's, such as {@code password-reset-required}. */
    public Optional<String> problemType() {
        return Optional.empty();
    }

    /** When the caller may try again, for refusals that only last a while. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** The fields that broke a rule, when the failure is about input. */
    public List<FieldError> fieldErrors() {
        return List.of();
    }
}
