package org.iris.platform.control;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells a database that is unavailable (down, restarting, failing over, out of connections, too slow
 * to answer within the statement time-out) from any other failure: the first is the operator's
 * routine and the caller may simply try again soon (a 503), the second is a bug (a 500).
 *
 * <p>The database's own word decides where it has one: the deepest SQL state in the chain (a
 * constraint violation, wrong credentials or a syntax error wrapped in a dead transaction is a bug
 * to see, not an outage to wait out). Only where no SQL state was given do the pool's and the
 * transaction manager's own failures count: a connection that could not be had, or that died under a
 * transaction.
 */
public final class DatabaseFailures {

    /** XAException codes of a resource manager that went away (XAER_RMFAIL, XA_RBCOMMFAIL). */
    private static final int RMFAIL = -7;
    private static final int RBCOMMFAIL = 101;

    private DatabaseFailures() {
    }

    /** Whether the failure, or what caused it, says a database could not be used just now. */
    public static boolean unavailable(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (chain.get(i) instanceof SQLException sql && sql.getSQLState() != null) {
                return unavailableState(sql.getSQLState());
            }
        }
        return chain.stream().anyMatch(DatabaseFailures::unavailableWithoutState);
    }

    /**
     * 08: connection exception; 57P01-03: shut down, crashed, not yet accepting; 57014: canceled by
     * the statement time-out; 53300: too many connections; 25006: a read-only transaction, which a
     * primary demoted by a failover answers until the pool reaches the new one.
     */
    static boolean unavailableState(String state) {
        return state.startsWith("08") || state.startsWith("57P") || state.equals("57014") || state.equals("53300")
                || state.equals("25006");
    }

    private static boolean unavailableWithoutState(Throwable failure) {
        if (failure instanceof SQLTransientConnectionException || failure instanceof SQLNonTransientConnectionException
                || failure instanceof SQLRecoverableException) {
            return true;
        }
        if (failure instanceof javax.transaction.xa.XAException xa) {
            return xa.errorCode == RMFAIL || xa.errorCode == RBCOMMFAIL
                    || xa.getCause() instanceof jakarta.resource.spi.LocalTransactionException;
        }
        // the pool could not hand out a connection in time (Payara's PoolingException), or the
        // connection died under a transaction
        return failure instanceof jakarta.resource.spi.ResourceAllocationException
                || failure instanceof jakarta.resource.spi.LocalTransactionException
                || failure.getClass().getName().endsWith(".PoolingException");
    }

    /** The failure and its causes, outermost first; a SQLException's next exceptions count as causes. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        List<Throwable> todo = new ArrayList<>(List.of(failure));
        while (!todo.isEmpty() && chain.size() < 32) {
            Throwable at = todo.remove(0);
            if (at == null || seen.put(at, true) != null) {
                continue;
            }
            chain.add(at);
            todo.add(at.getCause());
            if (at instanceof SQLException sql) {
                todo.add(sql.getNextException());
            }
        }
        return chain;
    }
}
