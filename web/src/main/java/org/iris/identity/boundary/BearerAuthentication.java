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
import java.util.Optional;

/**
 * Authenticates a request by its {@code Authorization: Bearer} access token (or, for the WebSocket
 * handshake, the {@code bearer.<token>} it offers as a subprotocol), verified from memory
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
    /** Where a WebSocket client offers its token, since a browser's WebSocket cannot set {@code Authorization}. */
    private static final String SOCKET_PROTOCOLS = "Sec-WebSocket-Protocol";
    public static final String SOCKET_BEARER = "bearer.";

    @Inject
    BearerTokens tokens;

    @Inject
    SecurityContext security;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        Optional<String> bearer = authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? Optional.of(authorization.substring(SCHEME.length()).strip())
                : "websocket".equalsIgnoreCase(request.getHeader("Upgrade")) ? offered(request.getHeader(SOCKET_PROTOCOLS)) : Optional.empty();
        if (bearer.isEmpty()) {
            return context.doNothing();
        }
        AccessToken token;
        try {
            token = tokens.verify(bearer.get());
        } catch (Unauthenticated refused) {
            if (request.getRequestURI().startsWith(request.getContextPath() + SESSIONS)) {
                return context.doNothing(); // an expired token beside a refresh token must not block the refresh
            }
            request.setAttribute(ContainerErrors.DETAIL, refused.getMessage());
            return context.responseUnauthorized();
        }
        return context.notifyContainerAboutLogin(token, token.getGroups());
    }

    /** The token a WebSocket client offers among its subprotocols as {@code bearer.<token>}, if any. */
    public static Optional<String> offered(String protocols) {
        if (protocols == null) {
            return Optional.empty();
        }
        for (String offered : protocols.split(",")) {
            String value = offered.strip();
            if (value.startsWith(SOCKET_BEARER) && value.length() > SOCKET_BEARER.length()) {
                return Optional.of(value.substring(SOCKET_BEARER.length()));
            }
        }
        return Optional.empty();
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
