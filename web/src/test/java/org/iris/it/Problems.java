package org.iris.it;

import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every error answer of Iris must be, checked the same way by every test. */
public final class Problems {

    private Problems() {
    }

    /** An RFC 9457 document with that status, and nothing in it that names Iris's insides. */
    public static JsonObject assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().map().toString());
        if (status == 401) {
            assertEquals(List.of("Bearer"), response.headers().allValues("WWW-Authenticate"));
        }
        JsonObject problem = Api.json(response);
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.getString("type").startsWith("urn:iris:problem:"), problem.toString());
        assertNotNull(problem.getString("title"));
        assertNotNull(problem.getString("detail"));
        String lower = response.body().toLowerCase(Locale.ROOT);
        for (String internal : List.of("exception", "org.", "java.", "jakarta.", "sql", "eclipselink",
                "payara", "glassfish", "jersey", "yasson", "\tat ")) {
            assertFalse(lower.contains(internal), "leaks '" + internal + "': " + response.body());
        }
        return problem;
    }

    /** The refusal of someone hidden is the 404 of no one at all, to the letter. */
    public static void assertLikeUnknown(HttpResponse<String> hidden, HttpResponse<String> unknown) {
        assertEquals(assertProblem(unknown, 404), assertProblem(hidden, 404), "hidden and unknown are told alike");
    }
}
