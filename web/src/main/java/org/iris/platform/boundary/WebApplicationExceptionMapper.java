package org.iris.platform.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;

/**
 * What JAX-RS itself refuses (unknown path, wrong method or media type, missing credentials):
 * the same status as a problem document, keeping the headers that status needs
 * ({@code Allow}, {@code WWW-Authenticate}), with a generic detail rather than the framework's.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final List<String> KEPT_HEADERS = List.of("Allow", "WWW-Authenticate", "Retry-After", "Connection");

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        Problem problem = e.getCause() instanceof NoContentException
                ? Problem.of(status, "A request body is required.")
                : e instanceof BodySizeLimit.TooDeep ? Problem.of(status, e.getMessage()) : Problem.of(status);
        Response.ResponseBuilder response = Response.fromResponse(problem.toResponse());
        for (Map.Entry<String, List<Object>> header : original.getHeaders().entrySet()) {
            if (KEPT_HEADERS.stream().anyMatch(header.getKey()::equalsIgnoreCase)) {
                // The framework's own value replaces the problem's default (a 401's challenge).
                response.header(header.getKey(), null);
                header.getValue().forEach(value -> response.header(header.getKey(), value));
            }
        }
        return response.build();
    }
}
