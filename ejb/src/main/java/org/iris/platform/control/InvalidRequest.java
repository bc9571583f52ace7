package org.iris.platform.control;

import java.util.List;

/** Well-formed input that breaks a business rule; the message says which. */
public class InvalidRequest extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> fieldErrors;

    public InvalidRequest(String message) {
        this(message, List.of());
    }

    /** @param fieldErrors each rule broken, by field, for a caller that shows them next to its inputs */
    public InvalidRequest(String message, List<FieldError> fieldErrors) {
        super(message);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    @Override
    public Kind kind() {
        return Kind.INVALID;
    }

    @Override
    public String title() {
        return "Invalid request";
    }

    @Override
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
