package org.iris.identity.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.iris.platform.boundary.SourceAddresses;

import java.time.Clock;
import java.time.Instant;

/** Password login, token refresh and logout. Token answers are never cached (RFC 6749 §5.1). */
@Path("auth")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    Sessions sessions;

    @Inject
    JsonWebToken caller;

    @Inject
    Clock clock;

    @Inject
    SourceAddresses addresses;

    @Context
    HttpServletRequest http;

    @POST
    @Path("login")
    public Response login(@NotNull Bodies.Credentials credentials) {
        Instant now = clock.instant();
        return tokens(TokenView.of(sessions.login(credentials.email, credentials.password, addresses.of(http)), now));
    }

    @POST
    @Path("refresh")
    public Response refresh(@NotNull Bodies.RefreshRequest request) {
        Instant now = clock.instant();
        return tokens(TokenView.of(sessions.refresh(request.refreshToken), now));
    }

    /** Ends the session of the refresh token, and the access token presented with it, if any. */
    @POST
    @Path("logout")
    public Response logout(@NotNull Bodies.RefreshRequest request) {
        boolean bearer = caller != null && caller.getTokenID() != null;
        sessions.logout(request.refreshToken, bearer ? caller.getTokenID() : null,
                bearer ? Instant.ofEpochSecond(caller.getExpirationTime()) : null);
        return Response.noContent().build();
    }

    private static Response tokens(TokenView view) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(view).cacheControl(noStore).header("Pragma", "no-cache").build();
    }
}
