package org.iris.platform.control;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    @Test
    void aDatabaseThatIsDownRestartingOrSlowIsUnavailable() {
        assertTrue(DatabaseFailures.unavailable(new EJBException(new PersistenceException(
                new SQLException("This connection has been closed.", "08003")))));
        assertTrue(DatabaseFailures.unavailable(new PersistenceException(new SQLException(
                "FATAL: the database system is starting up", "57P03"))));
        assertTrue(DatabaseFailures.unavailable(new SQLException("canceling statement due to statement timeout", "57014")));
        assertTrue(DatabaseFailures.unavailable(new IllegalStateException("Directory search in region EMEA failed",
                new SQLTransientConnectionException("Connection refused"))));
        assertTrue(DatabaseFailures.unavailable(new PersistenceException(new SQLException("Error in allocating a connection",
                new jakarta.resource.spi.ResourceAllocationException("In-use connections equal max-pool-size and expired max-wait-time")))));
        assertTrue(DatabaseFailures.unavailable(new SQLException("cannot execute UPDATE in a read-only transaction", "25006")),
                "a primary demoted by a failover");
        javax.transaction.xa.XAException commit = new javax.transaction.xa.XAException("commit failed");
        commit.initCause(new jakarta.resource.spi.LocalTransactionException("This connection has been closed."));
        assertTrue(DatabaseFailures.unavailable(new EJBException("Unable to complete container-managed transaction.",
                new IllegalStateException(commit))));
        SQLException batch = new SQLException("batch failed", "XX000");
        batch.setNextException(new SQLException("terminating connection due to administrator command", "57P01"));
        assertTrue(DatabaseFailures.unavailable(batch));
    }

    /** The database's own word decides: a bug wrapped in a dead transaction stays a bug, to be seen in the log. */
    @Test
    void theDeepestSqlStateDecidesOverTheWrappers() {
        assertFalse(DatabaseFailures.unavailable(new EJBException(new IllegalStateException(new jakarta.resource.spi.LocalTransactionException(
                "commit failed", new SQLException("duplicate key value violates unique constraint", "23505"))))));
        assertFalse(DatabaseFailures.unavailable(new SQLException("Error in allocating a connection",
                new jakarta.resource.spi.ResourceAllocationException("cannot create", new SQLException("password authentication failed", "28P01")))));
        assertFalse(DatabaseFailures.unavailable(new ResourceException("Local transaction already has 1 non-XA Resource")));
    }

    @Test
    void anyOtherFailureIsNot() {
        assertFalse(DatabaseFailures.unavailable(new PersistenceException(new SQLException(
                "duplicate key value violates unique constraint", "23505"))));
        assertFalse(DatabaseFailures.unavailable(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseFailures.unavailable(new IllegalStateException("a bug")));
        assertFalse(DatabaseFailures.unavailable(new NullPointerException()));
    }
}
