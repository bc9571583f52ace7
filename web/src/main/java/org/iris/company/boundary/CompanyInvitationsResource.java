package org.iris.company.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.iris.identity.boundary.AccountView;
import org.iris.identity.entity.Account;

/** Accepting an invitation to join a company: the mailed token creates the account there. */
@Path("company-invitations")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompanyInvitationsResource {

    public static class InvitationAcceptance {
        public String token;
        public String password;
        public String firstName;
        public String lastName;
        public String lang;
    }

    @Inject
    CompanyInvitations invitations;

    @POST
    @Path("accept")
    public Response accept(@NotNull InvitationAcceptance acceptance, @Context UriInfo uri) {
        Account account = invitations.accept(acceptance.token, acceptance.password, acceptance.firstName,
                acceptance.lastName, acceptance.lang);
        return Response.created(uri.getBaseUriBuilder().path("users/me").build())
                .entity(AccountView.created(account))
                .build();
    }
}
