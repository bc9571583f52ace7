package org.iris.platform.boundary;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A boundary EJB refused the caller ({@link EJBAccessException}, or {@link AccessLocalException}
 * as Payara throws for a local view): 401 with a bearer challenge for an anonymous caller, 403
 * for an authenticated one whose roles do not allow it. Any other EJB failure is unexpected.
 */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBException> {

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(EJBException e) {
        if (!(e instanceof EJBAccessException || e instanceof AccessLocalException)) {
            return new UnexpectedExceptionMapper().toResponse(e);
        }
        boolean anonymous = security == null || security.getUserPrincipal() == null;
        return Problem.of(anonymous ? 401 : 403).toResponse();
    }
}
