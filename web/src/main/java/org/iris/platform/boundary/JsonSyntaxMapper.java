package org.iris.platform.boundary;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A JSON-P body parameter ({@code JsonValue}) that is not JSON: the reader throws its parser's
 * exception as it is, not wrapped like JSON-B's (a body too short to guess its encoding from is a
 * plain {@code JsonException}). 400, without the parser's words.
 */
@Provider
public class JsonSyntaxMapper implements ExceptionMapper<JsonException> {

    @Override
    public Response toResponse(JsonException e) {
        return MalformedBodyMapper.malformed();
    }
}
