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
import jakarta.ws.rs.core.UriInfo;
import org.iris.identity.entity.Account;

/**
 * Self-registration. Asking for a PIN always answers 202, whether or not the email has an account:
 * only the mailbox's owner learns that.
 */
@Path("registrations")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistrationsResource {

    @Inject
    SourceAddresses addresses;

    @Context
    HttpServletRequest http;

    @Inject
    Registrations registrations;

    @POST
    public Response request(@NotNull Bodies.RegistrationRequest request) {
        registrations.request(request.email, request.lang, addresses.of(http));
        return Response.accepted().build();
    }

    @POST
    @Path("confirm")
    public Response confirm(@NotNull Bodies.RegistrationConfirmation confirmation, @Context UriInfo uri) {
        Account account = registrations.confirm(confirmation.email, confirmation.pin, confirmation.password,
                confirmation.firstName, confirmation.lastName, confirmation.lang, addresses.of(http));
        return Response.created(uri.getBaseUriBuilder().path("users/me").build())
                .entity(AccountView.created(account))
                .build();
    }
}
