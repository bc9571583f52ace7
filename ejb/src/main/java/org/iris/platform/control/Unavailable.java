package org.iris.platform.control;

import java.time.Duration;
import java.util.Optional;

/** A service the request needs is not reachable now (or not configured): nothing was changed; try later. */
public class Unavailable extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final String type;
    private final Duration retryAfter;

    /** @param type the problem type, such as {@code scanner-unavailable} */
    public Unavailable(String type, String message) {
        this(type, message, null);
    }

    /** @param retryAfter when to try again, said to the caller; null for no advice */
    public Unavailable(String type, String message, Duration retryAfter) {
        super(message);
        this.type = type;
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public Kind kind() {
        return Kind.UNAVAILABLE;
    }

    @Override
    public String title() {
        return "Service Unavailable";
    }

    @Override
    public Optional<String> problemType() {
        return Optional.of(type);
    }
}
