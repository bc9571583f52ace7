package org.iris.platform.control;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a database that is unavailable (down, restarting, failing over, out of connections, too slow
 * to answer within the statement time-out) from any other failure: the first is the operator's
 * routine and the caller may simply try again soon (a 503), the second is a bug (a 500).
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** Whether the failure, or anything that caused it, says a database could not be used just now. */
    public static boolean unavailable(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable at = failure; at != null && seen.put(at, true) == null && seen.size() < 32; ) {
            if (unavailableItself(at)) {
                return true;
            }
            if (at instanceof SQLException sql && sql.getNextException() != null && sql.getNextException() != at.getCause()
                    && unavailable(sql.getNextException())) {
                return true;
            }
            at = at.getCause();
        }
        return false;
    }

    private static boolean unavailableItself(Throwable failure) {
        if (failure instanceof SQLTransientConnectionException || failure instanceof SQLNonTransientConnectionException
                || failure instanceof SQLRecoverableException || failure instanceof SQLTimeoutException
                || failure instanceof java.net.ConnectException || failure instanceof java.net.SocketTimeoutException) {
            return true;
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            // 08: connection exception; 57P01-03: shut down, crashed, not yet accepting; 57014: canceled
            // by the statement time-out; 53300: too many connections
            return state.startsWith("08") || state.startsWith("57P") || state.equals("57014") || state.equals("53300");
        }
        // the pool could not hand out a connection in time, or a connection died under a transaction
        // (Payara's PoolingException, a ResourceException such as LocalTransactionException, an XAException)
        return failure instanceof jakarta.resource.ResourceException || failure instanceof javax.transaction.xa.XAException
                || failure.getClass().getName().endsWith(".PoolingException");
    }
}
