package org.iris.platform.control;

/** The caller is known but may not do this. */
public class Forbidden extends BusinessException {

    private static final long serialVersionUID = 1L;

    public Forbidden(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.FORBIDDEN;
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
