package org.iris.platform.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.iris.platform.control.DatabaseFailures;

import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page of the servlet container (see web.xml): errors raised before or outside JAX-RS,
 * such as a rejected token or an unknown address, get the same problem+json as the API's own.
 */
@WebServlet("/errors")
public class ContainerErrors extends HttpServlet {

    /** A request attribute: what the problem of a container error says, when more than its status. */
    public static final String DETAIL = "org.iris.problem.detail";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ContainerErrors.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer given ? given : 404;
        Problem problem;
        if (status >= 500) {
            String correlationId = UUID.randomUUID().toString();
            Object cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            if (cause instanceof Throwable thrown && DatabaseFailures.unavailable(thrown)) {
                UnexpectedExceptionMapper.logUnavailable(correlationId, thrown);
                status = 503;
                response.setHeader("Retry-After", String.valueOf(UnexpectedExceptionMapper.RETRY_AFTER_SECONDS));
                problem = Problem.unavailable(correlationId);
            } else {
                LOG.log(Level.SEVERE, "Container error, correlation id " + correlationId,
                        cause instanceof Throwable thrown ? thrown : null);
                problem = UnexpectedExceptionMapper.serverError(correlationId);
            }
        } else if (request.getAttribute(DETAIL) instanceof String detail) {
            problem = Problem.of(status, detail);
        } else {
            problem = Problem.of(status);
        }
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        if (status == 401 && response.getHeader("WWW-Authenticate") == null) {
            response.setHeader("WWW-Authenticate", Problem.CHALLENGE);
        }
        response.getWriter().write(JSON.toJson(problem));
    }
}
