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
        assertTrue(DatabaseFailures.unavailable(new PersistenceException(new ResourceException(
                "In-use connections equal max-pool-size and expired max-wait-time"))));
        javax.transaction.xa.XAException commit = new javax.transaction.xa.XAException("commit failed");
        commit.initCause(new jakarta.resource.spi.LocalTransactionException("This connection has been closed."));
        assertTrue(DatabaseFailures.unavailable(new EJBException("Unable to complete container-managed transaction.",
                new IllegalStateException(commit))));
        SQLException batch = new SQLException("batch failed", "XX000");
        batch.setNextException(new SQLException("terminating connection due to administrator command", "57P01"));
        assertTrue(DatabaseFailures.unavailable(batch));
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
