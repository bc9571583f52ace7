package org.iris.platform.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.iris.platform.control.DatabaseFailures;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything nobody expected: 500 with a correlation id; the details stay in the server log
 * under that id and never reach the caller. A database that is unavailable just now (restarting,
 * failing over) is no bug: 503 with {@code Retry-After}, so that clients try again soon.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    /** How soon a client may try again while a database is unavailable. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    public Response toResponse(Throwable e) {
        String correlationId = UUID.randomUUID().toString();
        if (DatabaseFailures.unavailable(e)) {
            logUnavailable(correlationId, e);
            return databaseUnavailable(correlationId);
        }
        LOG.log(Level.SEVERE, "Unexpected failure, correlation id " + correlationId, e);
        return serverError(correlationId).toResponse();
    }

    private static final java.util.concurrent.atomic.AtomicLong TRACED_AT = new java.util.concurrent.atomic.AtomicLong();

    /**
     * One line per request, naming what the database said; the whole trace at most every 30 s, so that
     * an outage does not bury the log, yet what it was can always be read there.
     */
    static void logUnavailable(String correlationId, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        long now = System.currentTimeMillis();
        long last = TRACED_AT.get();
        String line = "A database is unavailable, correlation id " + correlationId + ": " + root;
        if (now - last > 30_000 && TRACED_AT.compareAndSet(last, now)) {
            LOG.log(Level.WARNING, line, e);
        } else {
            LOG.warning(line);
        }
    }

    static Response databaseUnavailable(String correlationId) {
        return Response.fromResponse(Problem.unavailable(correlationId).toResponse())
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    static Problem serverError(String correlationId) {
        Problem generic = Problem.of(500);
        return new Problem(generic.type(), generic.title(), 500, generic.detail(), correlationId, null);
    }
}
