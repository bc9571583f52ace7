package org.iris.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.iris.identity.entity.Roles;

import java.util.UUID;

/** What a company admin does to a member's account. */
@Path("companies/{companyId}/members/{memberId}")
@RequestScoped
@RolesAllowed({Roles.COMPANY_ADMIN, Roles.SUPERADMIN})
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class MembersResource {

    @Inject
    Accounts accounts;

    @Inject
    Callers callers;

    /** The member must reset their password (by PIN) before the next login; their sessions end now. */
    @POST
    @Path("password-reset")
    public Response forceReset(@PathParam("companyId") UUID companyId, @PathParam("memberId") UUID memberId) {
        accounts.forceReset(callers.current(), companyId, memberId);
        return Response.noContent().build();
    }
}
