package org.iris.platform.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not the JSON it should be: 400, without the parser's words (they name Java types). */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException e) {
        return Problem.of(400, "The request body is not valid JSON of the expected shape.").toResponse();
    }
}
