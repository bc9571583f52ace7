package org.iris.platform.control;

/** Well-formed input that breaks a business rule; the message says which. */
public class InvalidRequest extends BusinessException {

    private static final long serialVersionUID = 1L;

    public InvalidRequest(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.INVALID;
    }

    @Override
    public String title() {
        return "Invalid request";
    }
}
