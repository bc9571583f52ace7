package org.iris.company.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.iris.platform.entity.Roles;

import java.util.List;
import java.util.UUID;

/** "Visibility by" pairs of a company (superadmin only, SPEC §3). */
@Path("companies/{id}/visibility-by")
@RequestScoped
@RolesAllowed(Roles.SUPERADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class VisibilityPairsResource {

    @Inject
    Organizations organizations;

    /** The ids of the companies paired with this one. */
    @GET
    public List<UUID> list(@PathParam("id") UUID id) {
        return organizations.pairs(id);
    }

    @PUT
    @Path("{otherId}")
    public Response pair(@PathParam("id") UUID id, @PathParam("otherId") UUID otherId) {
        organizations.pair(id, otherId);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{otherId}")
    public Response unpair(@PathParam("id") UUID id, @PathParam("otherId") UUID otherId) {
        organizations.unpair(id, otherId);
        return Response.noContent().build();
    }
}
