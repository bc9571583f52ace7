package org.iris.residency.control;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read outside a transaction that failed for want of a connection, waiting
 * between tries; with a database down, every such request then waits seconds for nothing. Iris's
 * pools already replace broken connections, so a failed read fails at once and the caller is told
 * to try again (a 503).
 */
public class FailFast implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
