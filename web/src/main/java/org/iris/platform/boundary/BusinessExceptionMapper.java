package org.iris.platform.boundary;

import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.iris.platform.control.BusinessException;

/** Expected failures of the domain: their kind decides the status, their message is the detail. */
@Provider
public class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {

    @Override
    public jakarta.ws.rs.core.Response toResponse(BusinessException e) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case INVALID -> 400;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
        };
        return new Problem(Problem.typeOf(status), e.title(), status, e.getMessage(), null, null).toResponse();
    }
}
