package org.iris.platform.control;

import java.util.Optional;

/** The content of a request is refused for what it is, such as a file in which a virus was found. */
public class Refused extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final String title;
    private final String type;

    /**
     * @param type the problem type, such as {@code infected-file}
     */
    public Refused(String type, String title, String message) {
        super(message);
        this.type = type;
        this.title = title;
    }

    @Override
    public Kind kind() {
        return Kind.UNPROCESSABLE;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Optional<String> problemType() {
        return Optional.of(type);
    }
}
