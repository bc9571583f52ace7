package org.iris.identity.entity;

import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.entity.PrintableText;

import java.util.ArrayList;
import java.util.List;

/**
 * A person's first and last names, each 1 to {@value #MAX} characters once trimmed, with no control
 * characters, line breaks or bidirectional overrides: a name is shown to others and goes into mails.
 */
public record PersonName(String first, String last) {

    public static final int MAX = 100;

    public static PersonName of(String first, String last) {
        String f = first == null ? "" : first.strip();
        String l = last == null ? "" : last.strip();
        List<FieldError> errors = new ArrayList<>();
        if (f.isEmpty() || f.length() > MAX || !PrintableText.printable(f)) {
            errors.add(new FieldError("firstName", "1 to " + MAX + " printable characters"));
        }
        if (l.isEmpty() || l.length() > MAX || !PrintableText.printable(l)) {
            errors.add(new FieldError("lastName", "1 to " + MAX + " printable characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("First and last names have 1 to " + MAX + " printable characters each.", errors);
        }
        return new PersonName(f, l);
    }
}
