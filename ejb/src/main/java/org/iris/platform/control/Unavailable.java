package org.iris.platform.control;

import java.util.Optional;

/** A service the request needs is not reachable now (or not configured): nothing was changed; try later. */
public class Unavailable extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final String type;

    /** @param type the problem type, such as {@code scanner-unavailable} */
    public Unavailable(String type, String message) {
        super(message);
        this.type = type;
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
