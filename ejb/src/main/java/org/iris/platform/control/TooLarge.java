package org.iris.platform.control;

/** The content is larger than its limit (a file above {@code iris.files.max-bytes}). */
public class TooLarge extends BusinessException {

    private static final long serialVersionUID = 1L;

    public TooLarge(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.TOO_LARGE;
    }

    @Override
    public String title() {
        return "Payload Too Large";
    }
}
