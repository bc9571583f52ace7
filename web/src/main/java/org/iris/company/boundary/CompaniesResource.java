package org.iris.company.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.iris.company.entity.Company;
import org.iris.identity.entity.Roles;
import org.iris.residency.entity.Region;

import java.util.UUID;

@Path("companies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompaniesResource {

    @Inject
    Companies companies;

    /** The built-in company of standalone users: public information, served without a token. */
    @GET
    @Path("default")
    @PermitAll
    public CompanyView defaultCompany() {
        return CompanyView.of(companies.defaultCompany());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.SUPERADMIN)
    @SecurityRequirement(name = "jwt")
    public CompanyView get(@PathParam("id") UUID id) {
        return CompanyView.of(companies.get(id));
    }

    @POST
    @RolesAllowed(Roles.SUPERADMIN)
    @SecurityRequirement(name = "jwt")
    public Response create(@Valid @NotNull CompanyCreation creation, @Context UriInfo uri) {
        Region region = creation.region == null ? null : Region.parse(creation.region);
        Company company = companies.create(creation.name, region, Boolean.TRUE.equals(creation.hds));
        return Response.created(uri.getAbsolutePathBuilder().path(company.id().toString()).build())
                .entity(CompanyView.of(company))
                .build();
    }
}
