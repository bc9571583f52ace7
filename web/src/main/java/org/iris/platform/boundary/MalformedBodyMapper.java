package org.iris.platform.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;

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
        // The parser wraps what the stream threw, so a refusal anywhere in the chain comes first.
        Optional<WebApplicationException> refusal = cause(e, WebApplicationException.class);
        if (refusal.isPresent()) {
            return new WebApplicationExceptionMapper().toResponse(refusal.get());
        }
        if (cause(e, JsonbException.class).isPresent() || cause(e, JsonParsingException.class).isPresent()) {
            return malformed();
        }
        return new UnexpectedExceptionMapper().toResponse(e);
    }

    /** The answer to a body that is not the JSON it should be. */
    static Response malformed() {
        return Problem.of(400, "The request body is not valid JSON of the expected shape.").toResponse();
    }

    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }
}
