package org.iris.company.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.iris.company.entity.CompanyInvitation;
import org.iris.platform.boundary.Callers;
import org.iris.platform.entity.Roles;
import org.iris.platform.control.Page;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Invitations by email to join a company. The answer is 202 whether or not the email already has an
 * account; the mail's token is accepted at {@code /company-invitations/accept}. Those still waiting
 * can be listed and withdrawn.
 */
@Path("companies/{companyId}/invitations")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationsResource {

    public static class Invitation {
        public String email;
        /** {@code en} (default) or {@code fr}: the language of the mail. */
        public String lang;
        /** Roles besides {@code user}. */
        public Set<String> roles;
    }

    /** A waiting invitation as the company's administrators see it. */
    public record InvitationView(UUID id, String email, Set<String> roles, String lang, OffsetDateTime createdAt,
                                 OffsetDateTime expiresAt) {
        static InvitationView of(CompanyInvitation invitation) {
            return new InvitationView(invitation.id(), invitation.email().value(), invitation.roles(),
                    invitation.language().code(), invitation.createdAt(), invitation.expiresAt());
        }
    }

    @Inject
    CompanyInvitations invitations;

    @Inject
    Callers callers;

    @POST
    public Response invite(@PathParam("companyId") UUID companyId, @NotNull Invitation invitation) {
        invitations.invite(callers.current(), companyId, invitation.email, invitation.lang,
                invitation.roles == null ? Set.of() : invitation.roles);
        return Response.accepted().build();
    }

    @GET
    public List<InvitationView> list(@PathParam("companyId") UUID companyId,
                                     @QueryParam("offset") @DefaultValue("0") int offset,
                                     @QueryParam("limit") @DefaultValue("50") int limit) {
        return invitations.invitations(callers.current(), companyId, Page.of(offset, limit)).stream()
                .map(InvitationView::of).toList();
    }

    /** Withdraws a waiting invitation: its link no longer works. */
    @DELETE
    @Path("{invitationId}")
    public Response revoke(@PathParam("companyId") UUID companyId, @PathParam("invitationId") UUID invitationId) {
        invitations.revoke(callers.current(), companyId, invitationId);
        return Response.noContent().build();
    }
}
