package org.iris.platform.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything nobody expected: 500 with a correlation id; the details stay in the server log
 * under that id and never reach the caller.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        String correlationId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, correlation id " + correlationId, e);
        return serverError(correlationId).toResponse();
    }

    static Problem serverError(String correlationId) {
        Problem generic = Problem.of(500);
        return new Problem(generic.type(), generic.title(), 500, generic.detail(), correlationId, null);
    }
}
