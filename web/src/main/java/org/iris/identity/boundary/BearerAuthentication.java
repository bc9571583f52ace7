package org.iris.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.iris.identity.control.AccessToken;
import org.iris.identity.control.BearerTokens;
import org.iris.platform.boundary.ContainerErrors;
import org.iris.platform.control.Unauthenticated;

import java.security.Principal;

/**
 * Authenticates a request by its {@code Authorization: Bearer} access token, verified from memory
 * by {@link BearerTokens}: the caller becomes the token ({@link JsonWebToken}, injectable), its
 * {@code groups} the roles that {@code @RolesAllowed} checks. A request without a bearer token goes on
 * anonymous; one with a token that is invalid or revoked is answered 401, on every path but login,
 * refresh and logout, which need none and go on as anonymous.
 *
 * <p>Iris's own mechanism rather than Payara's MP-JWT one, which re-parsed the keys and looked up a
 * JSON provider through the class loaders on every request (a third of the CPU of a call).
 */
@ApplicationScoped
public class BearerAuthentication implements HttpAuthenticationMechanism {

    private static final String SCHEME = "Bearer ";
    /** Login, refresh and logout: they need no access token, and go on without one that is not valid. */
    private static final String SESSIONS = "/api/v1/auth/";

    @Inject
    BearerTokens tokens;

    @Inject
    SecurityContext security;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return context.doNothing();
        }
        AccessToken token;
        try {
            token = tokens.verify(authorization.substring(SCHEME.length()).strip());
        } catch (Unauthenticated refused) {
            if (request.getRequestURI().startsWith(request.getContextPath() + SESSIONS)) {
                return context.doNothing(); // an expired token beside a refresh token must not block the refresh
            }
            request.setAttribute(ContainerErrors.DETAIL, refused.getMessage());
            return context.responseUnauthorized();
        }
        return context.notifyContainerAboutLogin(token, token.getGroups());
    }

    /** The caller's access token; {@link AccessToken#NONE}, without claims, when the request carried none. */
    @Produces
    @RequestScoped
    JsonWebToken caller() {
        Principal principal = security.getCallerPrincipal();
        if (principal instanceof AccessToken token) {
            return token;
        }
        return security.getPrincipalsByType(AccessToken.class).stream().findFirst().orElse(AccessToken.NONE);
    }
}
