package org.iris.platform.control;

import java.time.Duration;
import java.util.Optional;

/** Too many tries in a short time; the caller may try again after the given delay. */
public class TooManyAttempts extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyAttempts(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    @Override
    public Kind kind() {
        return Kind.TOO_MANY;
    }

    @Override
    public String title() {
        return "Too many attempts";
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(retryAfter);
    }
}
