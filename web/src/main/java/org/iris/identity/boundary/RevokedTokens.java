package org.iris.identity.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.iris.identity.control.AccessTokens;
import org.iris.identity.control.Revocations;
import org.iris.platform.boundary.Problem;

import java.security.Principal;
import java.util.UUID;

/**
 * Refuses an access token that MicroProfile JWT found valid but that Iris has revoked since it was
 * issued (password changed or reset, reset forced, account closed, logout). No database on this path.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RevokedTokens implements ContainerRequestFilter {

    @Inject
    Revocations revocations;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (!(principal instanceof JsonWebToken token)) {
            return;
        }
        UUID account;
        try {
            account = UUID.fromString(token.getSubject());
        } catch (RuntimeException e) {
            return; // not an account's token; the resources refuse what they must
        }
        if (revocations.revoked(account, generation(token), token.getTokenID(), session(token))) {
            request.abortWith(Problem.of(401, "The token has been revoked; log in again.").toResponse());
        }
    }

    private static String session(JsonWebToken token) {
        Object claim = token.getClaim(AccessTokens.SESSION);
        if (claim instanceof JsonString string) {
            return string.getString();
        }
        return claim == null ? null : claim.toString();
    }

    private static int generation(JsonWebToken token) {
        Object claim = token.getClaim(AccessTokens.GENERATION);
        if (claim instanceof JsonNumber number) {
            return number.intValue();
        }
        if (claim instanceof Number number) {
            return number.intValue();
        }
        return 0;
    }
}
