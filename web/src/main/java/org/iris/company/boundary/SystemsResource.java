package org.iris.company.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.iris.company.entity.PbxExtension;
import org.iris.company.entity.PbxSystem;
import org.iris.platform.boundary.Callers;
import org.iris.platform.entity.Roles;
import org.iris.platform.boundary.MergePatch;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A company's PBX systems and extension links (SPEC §1: add equipment, manage systems). */
@Path("companies/{companyId}/systems")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SystemsResource {

    public static class Naming {
        public String name;
    }

    public static class Link {
        public UUID userId;
    }

    public record SystemView(UUID id, String name, OffsetDateTime createdAt) {
        static SystemView of(PbxSystem system) {
            return new SystemView(system.id(), system.name(), system.createdAt());
        }
    }

    public record ExtensionView(String number, UUID userId) {
        static ExtensionView of(PbxExtension extension) {
            return new ExtensionView(extension.number(), extension.accountId());
        }
    }

    @Inject
    Systems systems;

    @Inject
    Callers callers;

    @POST
    public Response add(@PathParam("companyId") UUID companyId, @NotNull Naming naming, @Context UriInfo uri) {
        PbxSystem system = systems.add(callers.current(), companyId, naming.name);
        return Response.created(uri.getAbsolutePathBuilder().path(system.id().toString()).build())
                .entity(SystemView.of(system)).build();
    }

    @GET
    public List<SystemView> list(@PathParam("companyId") UUID companyId) {
        return systems.list(callers.current(), companyId).stream().map(SystemView::of).toList();
    }

    @GET
    @Path("{systemId}")
    public SystemView get(@PathParam("companyId") UUID companyId, @PathParam("systemId") UUID systemId) {
        return SystemView.of(systems.get(callers.current(), companyId, systemId));
    }

    /** A merge patch of the system's {@code name}. */
    @PATCH
    @Path("{systemId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public SystemView rename(@PathParam("companyId") UUID companyId, @PathParam("systemId") UUID systemId,
                             @NotNull Naming naming) {
        return SystemView.of(systems.rename(callers.current(), companyId, systemId, naming.name));
    }

    @DELETE
    @Path("{systemId}")
    public Response remove(@PathParam("companyId") UUID companyId, @PathParam("systemId") UUID systemId) {
        systems.remove(callers.current(), companyId, systemId);
        return Response.noContent().build();
    }

    @GET
    @Path("{systemId}/extensions")
    public List<ExtensionView> extensions(@PathParam("companyId") UUID companyId, @PathParam("systemId") UUID systemId) {
        return systems.extensions(callers.current(), companyId, systemId).stream().map(ExtensionView::of).toList();
    }

    /** Links the extension to a member of the company, replacing whoever had it. */
    @PUT
    @Path("{systemId}/extensions/{number}")
    public ExtensionView link(@PathParam("companyId") UUID companyId, @PathParam("systemId") UUID systemId,
                              @PathParam("number") String number, @NotNull Link link) {
        return ExtensionView.of(systems.link(callers.current(), companyId, systemId, number, link.userId));
    }

    @DELETE
    @Path("{systemId}/extensions/{number}")
    public Response unlink(@PathParam("companyId") UUID companyId, @PathParam("systemId") UUID systemId,
                           @PathParam("number") String number) {
        systems.unlink(callers.current(), companyId, systemId, number);
        return Response.noContent().build();
    }
}
