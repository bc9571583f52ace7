package org.iris.platform.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ProblemTest {

    @Test
    void everyStatusHasAStableTypeAndAReadableTitle() {
        Problem notFound = Problem.of(404);
        assertEquals("urn:iris:problem:not-found", notFound.type());
        assertEquals("Not Found", notFound.title());
        assertEquals(404, notFound.status());
        assertEquals("There is nothing at this address.", notFound.detail());
        assertNull(notFound.correlationId());
    }

    @Test
    void serverErrorsAreGenericAndCarryOnlyTheCorrelationId() {
        Problem problem = UnexpectedExceptionMapper.serverError("abc");
        assertEquals("urn:iris:problem:server-error", problem.type());
        assertEquals("The server could not complete the request.", problem.detail());
        assertEquals("abc", problem.correlationId());
        assertEquals("urn:iris:problem:server-error", Problem.of(502).type());
    }

    /** A database away for a moment is no bug: the caller is told to try again soon, and nothing more. */
    @Test
    void anUnavailableDatabaseIsA503ThatSaysNothingOfWhichOrWhy() {
        Problem problem = Problem.unavailable("abc");
        assertEquals(503, problem.status());
        assertEquals("urn:iris:problem:unavailable", problem.type());
        assertEquals("abc", problem.correlationId());
    }

    @Test
    void unusualClientStatusStillGetsAType() {
        assertEquals("urn:iris:problem:http-418", Problem.of(418).type());
        assertEquals("urn:iris:problem:too-large", Problem.of(413).type());
    }
}
