package org.iris.company.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.iris.platform.entity.Roles;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Organizations of companies (superadmin only, SPEC §1 and §3). */
@Path("organizations")
@RequestScoped
@RolesAllowed(Roles.SUPERADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationsResource {

    public static class Creation {
        public String name;
    }

    public record OrganizationView(UUID id, String name, List<UUID> companies, OffsetDateTime createdAt) {
        static OrganizationView of(Organizations.View view) {
            return new OrganizationView(view.organization().id(), view.organization().name(), view.companies(),
                    view.organization().createdAt());
        }
    }

    @Inject
    Organizations organizations;

    @POST
    public Response create(@NotNull Creation creation, @Context UriInfo uri) {
        var organization = organizations.create(creation.name);
        return Response.created(uri.getAbsolutePathBuilder().path(organization.id().toString()).build())
                .entity(new OrganizationView(organization.id(), organization.name(), List.of(), organization.createdAt()))
                .build();
    }

    @GET
    public List<OrganizationView> list() {
        return organizations.list().stream().map(OrganizationView::of).toList();
    }

    @GET
    @Path("{id}")
    public OrganizationView get(@PathParam("id") UUID id) {
        return OrganizationView.of(organizations.get(id));
    }

    @PUT
    @Path("{id}/companies/{companyId}")
    public OrganizationView add(@PathParam("id") UUID id, @PathParam("companyId") UUID companyId) {
        return OrganizationView.of(organizations.add(id, companyId));
    }

    @DELETE
    @Path("{id}/companies/{companyId}")
    public OrganizationView remove(@PathParam("id") UUID id, @PathParam("companyId") UUID companyId) {
        return OrganizationView.of(organizations.remove(id, companyId));
    }
}
