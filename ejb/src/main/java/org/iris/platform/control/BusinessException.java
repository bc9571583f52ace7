package org.iris.platform.control;

import jakarta.ejb.ApplicationException;

/**
 * The root of every expected failure. Its {@link Kind} tells the web tier which status to answer
 * with, so that no HTTP type leaks below it; its message is safe to show to the caller.
 */
@ApplicationException(rollback = true)
public abstract class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        NOT_FOUND, INVALID, CONFLICT, FORBIDDEN
    }

    protected BusinessException(String message) {
        super(message, null, false, false);
    }

    public abstract Kind kind();

    /** A short, stable title for the kind of problem (RFC 9457 "title"). */
    public abstract String title();
}
