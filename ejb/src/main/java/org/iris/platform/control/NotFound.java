package org.iris.platform.control;

/** The thing asked for does not exist, or the caller may not know that it does. */
public class NotFound extends BusinessException {

    private static final long serialVersionUID = 1L;

    public NotFound(String what) {
        super("No such " + what + ".");
    }

    @Override
    public Kind kind() {
        return Kind.NOT_FOUND;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
