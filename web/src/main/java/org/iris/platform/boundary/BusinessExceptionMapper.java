package org.iris.platform.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.iris.platform.control.BusinessException;

import java.util.List;

/** Expected failures of the domain: their kind decides the status, their message is the detail. */
@Provider
public class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {

    @Override
    public Response toResponse(BusinessException e) {
        int status = Statuses.of(e.kind());
        String type = e.problemType().map(name -> Problem.TYPE_PREFIX + name).orElseGet(() -> Problem.typeOf(status));
        List<Problem.Violation> violations = e.fieldErrors().isEmpty() ? null : e.fieldErrors().stream()
                .map(error -> new Problem.Violation(error.field(), error.message()))
                .toList();
        Response response = new Problem(type, e.title(), status, e.getMessage(), null, violations).toResponse();
        return e.retryAfter()
                .map(delay -> Response.fromResponse(response)
                        .header("Retry-After", Math.max(1, delay.toSeconds() + (delay.toMillisPart() > 0 ? 1 : 0)))
                        .build())
                .orElse(response);
    }
}
