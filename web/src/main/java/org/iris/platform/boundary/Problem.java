package org.iris.platform.boundary;

import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An RFC 9457 problem document: the only shape in which Iris reports an error. Its texts are
 * written for the caller; nothing internal (class names, SQL, stack traces) goes in.
 *
 * @param correlationId only on server errors: the key under which the details are in the server log
 */
public record Problem(String type, String title, int status, String detail, String correlationId,
                      List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Every problem type of Iris is a URN under this prefix. */
    public static final String TYPE_PREFIX = "urn:iris:problem:";

    /** How a 401 tells the caller to authenticate: with a bearer token. */
    public static final String CHALLENGE = "Bearer";

    /** One input that broke a rule: which field (or {@code body}) and why. */
    public record Violation(String field, String message) {
    }

    /** A problem with the generic detail of its status. */
    public static Problem of(int status) {
        return of(status, detailOf(status));
    }

    public static Problem of(int status, String detail) {
        return new Problem(typeOf(status), titleOf(status), status, detail, null, null);
    }

    /** A database a request needs is unavailable just now (restarting, failing over): the caller may try again soon. */
    public static Problem unavailable(String correlationId) {
        return new Problem(typeOf(503), titleOf(503), 503,
                "A database this request needs is unavailable just now; try again in a few seconds.", correlationId, null);
    }

    /** The response; a 401 also carries the bearer challenge that RFC 6750 asks of it. */
    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(this);
        if (status == 401) {
            response.header("WWW-Authenticate", CHALLENGE);
        }
        return response.build();
    }

    static String typeOf(int status) {
        return TYPE_PREFIX + switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            case 503 -> "unavailable";
            default -> status >= 500 ? "server-error" : "http-" + status;
        };
    }

    static String detailOf(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 401 -> "A valid bearer token is required.";
            case 403 -> "You may not do this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in an accepted media type.";
            case 413 -> "The request is too large.";
            case 429 -> "Too many requests; try again later.";
            case 415 -> "This address does not accept that media type.";
            default -> status >= 500 ? "The server could not complete the request." : "The request was refused.";
        };
    }

    static String titleOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? (status >= 500 ? "Server error" : "Request error") : known.getReasonPhrase();
    }
}
