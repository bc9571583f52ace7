package org.iris.company.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.iris.company.entity.Company;
import org.iris.company.entity.CompanyChange;
import org.iris.platform.entity.VisibilityMode;
import org.iris.platform.boundary.Callers;
import org.iris.platform.entity.Roles;
import org.iris.platform.boundary.MergePatch;
import org.iris.platform.control.Page;
import org.iris.platform.entity.Region;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Companies: who may see and change which is decided by {@link Companies}, not here. */
@Path("companies")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompaniesResource {

    /** Not the region nor the HDS flag: they are the company's data boundary, fixed at creation for good. */
    private static final Set<String> EDITABLE = Set.of("name", "description", "visibility", "fileSharingForbidden",
            "nameEditForbidden");

    @Inject
    Companies companies;

    @Inject
    Callers callers;

    /** The built-in company of standalone users: public information, served without a token. */
    @GET
    @Path("default")
    @PermitAll
    public CompanyView defaultCompany() {
        return CompanyView.of(companies.defaultCompany());
    }

    /** The companies the caller administers (all of them for a superadmin), by name. */
    @GET
    public List<CompanyView> list(@QueryParam("offset") @DefaultValue("0") int offset,
                                  @QueryParam("limit") @DefaultValue("50") int limit) {
        return companies.list(callers.current(), Page.of(offset, limit)).stream().map(CompanyView::of).toList();
    }

    @GET
    @Path("{id}")
    public CompanyView get(@PathParam("id") UUID id) {
        return CompanyView.of(companies.get(callers.current(), id));
    }

    @POST
    public Response create(@Valid @NotNull CompanyCreation creation, @Context UriInfo uri) {
        Region region = creation.region == null ? null : Region.parse(creation.region);
        Company company = companies.create(callers.current(), new Companies.Creation(creation.name, region,
                Boolean.TRUE.equals(creation.hds), Boolean.TRUE.equals(creation.businessPartner), creation.managedBy));
        return Response.created(uri.getAbsolutePathBuilder().path(company.id().toString()).build())
                .entity(CompanyView.of(company))
                .build();
    }

    /** A JSON merge patch of name, description (null removes it), visibility and the two restrictions. */
    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public CompanyView update(@PathParam("id") UUID id, @NotNull JsonValue body) {
        MergePatch patch = new MergePatch(body, EDITABLE);
        CompanyChange change = new CompanyChange(patch.string("name"),
                patch.isNull("description") ? Optional.of("") : patch.string("description"),
                patch.choice("visibility", VisibilityMode.class), patch.bool("fileSharingForbidden"),
                patch.bool("nameEditForbidden"));
        patch.check("Only name, description, visibility, fileSharingForbidden and nameEditForbidden can be changed;"
                + " a company's region and HDS flag never change.");
        return CompanyView.of(companies.update(callers.current(), id, change));
    }

    /** Deletes a company without members (superadmin only); never the Default company. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        companies.delete(id);
        return Response.noContent().build();
    }
}
