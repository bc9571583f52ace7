package org.iris.platform.control;

/** The request is well-formed but clashes with the present state (a taken domain, a full subscription). */
public class Conflict extends BusinessException {

    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
