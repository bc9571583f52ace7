package org.iris.platform.boundary;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Bean Validation failures: 400, one violation per broken rule. The field is the path inside the
 * request body; Java method and parameter names are left out.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        return new Problem(Problem.typeOf(400), "Invalid request", 400,
                "The request breaks " + violations.size() + " rule(s).", null, violations).toResponse();
    }

    static String field(ConstraintViolation<?> violation) {
        String path = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .filter(node -> node.getKind() == ElementKind.PROPERTY
                        || node.getKind() == ElementKind.CONTAINER_ELEMENT)
                .map(Path.Node::getName)
                .filter(name -> name != null && !name.startsWith("<"))
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "body" : path;
    }
}
