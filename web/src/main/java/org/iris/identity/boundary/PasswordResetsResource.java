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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.iris.platform.boundary.SourceAddresses;

/** Password reset by emailed PIN. Asking always answers 202, whether or not the email has an account. */
@Path("password-resets")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PasswordResetsResource {

    @Inject
    SourceAddresses addresses;

    @Context
    HttpServletRequest http;

    @Inject
    PasswordResets resets;

    @POST
    public Response request(@NotNull Bodies.PasswordResetRequest request) {
        resets.request(request.email, addresses.of(http));
        return Response.accepted().build();
    }

    @POST
    @Path("confirm")
    public Response confirm(@NotNull Bodies.PasswordResetConfirmation confirmation) {
        resets.confirm(confirmation.email, confirmation.pin, confirmation.newPassword, addresses.of(http));
        return Response.noContent().build();
    }
}
