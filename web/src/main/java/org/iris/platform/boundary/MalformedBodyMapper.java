package org.iris.platform.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Jersey wraps what goes wrong while reading a body in a {@link ProcessingException}. A body that
 * is not the JSON it should be answers 400, without the parser's words (they name Java types);
 * a refusal raised while reading keeps its own status (413 from {@link BodySizeLimit}); anything
 * else is unexpected.
 */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException e) {
        // The parser wraps what the stream threw, so look for a refusal anywhere in the chain first.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof WebApplicationException refusal) {
                return new WebApplicationExceptionMapper().toResponse(refusal);
            }
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException) {
                return Problem.of(400, "The request body is not valid JSON of the expected shape.").toResponse();
            }
        }
        return new UnexpectedExceptionMapper().toResponse(e);
    }
}
