package org.iris.platform.boundary;

import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A JSON-P body parameter ({@code JsonValue}) that is not JSON: the reader throws its parser's
 * exception as it is, not wrapped like JSON-B's. 400, without the parser's words.
 */
@Provider
public class JsonSyntaxMapper implements ExceptionMapper<JsonParsingException> {

    @Override
    public Response toResponse(JsonParsingException e) {
        return MalformedBodyMapper.malformed();
    }
}
