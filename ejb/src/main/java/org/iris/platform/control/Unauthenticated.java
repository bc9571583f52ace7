package org.iris.platform.control;

/** The caller's credentials (password, refresh token) are not accepted; the message never says which part was wrong. */
public class Unauthenticated extends BusinessException {

    private static final long serialVersionUID = 1L;

    public Unauthenticated(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.UNAUTHENTICATED;
    }

    @Override
    public String title() {
        return "Not authenticated";
    }
}
