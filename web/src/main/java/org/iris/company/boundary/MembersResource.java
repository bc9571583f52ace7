package org.iris.company.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.iris.company.entity.MemberChange;
import org.iris.platform.entity.VisibilityMode;
import org.iris.platform.boundary.Callers;
import org.iris.platform.entity.Roles;
import org.iris.platform.boundary.MergePatch;
import org.iris.platform.control.Page;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A company's members, administered by whoever manages the company (SPEC §1). */
@Path("companies/{companyId}/members")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MembersResource {

    private static final Set<String> EDITABLE = Set.of("roles", "visibility", "fileSharingForbidden");

    public static class LicenceRequest {
        public UUID subscriptionId;
    }

    @Inject
    Members members;

    @Inject
    Subscriptions subscriptions;

    @Inject
    Callers callers;

    @GET
    public List<MemberView> list(@PathParam("companyId") UUID companyId,
                                 @QueryParam("offset") @DefaultValue("0") int offset,
                                 @QueryParam("limit") @DefaultValue("50") int limit) {
        return members.list(callers.current(), companyId, Page.of(offset, limit)).stream().map(MemberView::of).toList();
    }

    @GET
    @Path("{memberId}")
    public MemberView get(@PathParam("companyId") UUID companyId, @PathParam("memberId") UUID memberId) {
        return MemberView.of(members.get(callers.current(), companyId, memberId));
    }

    /**
     * A JSON merge patch of {@code roles} (every role the member is to hold; null leaves them), {@code visibility} (the
     * member's own mode; null: the company's) and {@code fileSharingForbidden}.
     */
    @PATCH
    @Path("{memberId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public MemberView update(@PathParam("companyId") UUID companyId, @PathParam("memberId") UUID memberId,
                             @NotNull JsonValue body) {
        MergePatch patch = new MergePatch(body, EDITABLE);
        // roles cannot be removed: null leaves them as they are (a generated client sends it for "unset")
        MemberChange change = new MemberChange(patch.isNull("roles") ? Optional.empty() : patch.strings("roles"),
                patch.choice("visibility", VisibilityMode.class),
                patch.isNull("visibility"), patch.bool("fileSharingForbidden"));
        patch.check("Only roles, visibility and fileSharingForbidden can be changed here.");
        return MemberView.of(members.update(callers.current(), companyId, memberId, change));
    }

    /** The member must reset their password (by PIN) before the next login; their sessions end now. */
    @POST
    @Path("{memberId}/password-reset")
    public Response forceReset(@PathParam("companyId") UUID companyId, @PathParam("memberId") UUID memberId) {
        members.forceReset(callers.current(), companyId, memberId);
        return Response.noContent().build();
    }

    /** Gives the member a seat of one of the company's subscriptions. */
    @PUT
    @Path("{memberId}/licence")
    public Map<String, String> allocate(@PathParam("companyId") UUID companyId, @PathParam("memberId") UUID memberId,
                                        @NotNull LicenceRequest request) {
        var offer = subscriptions.allocate(callers.current(), companyId, memberId, request.subscriptionId);
        return Map.of("subscriptionId", request.subscriptionId.toString(), "offer", offer.name().toLowerCase(Locale.ROOT));
    }

    @DELETE
    @Path("{memberId}/licence")
    public Response release(@PathParam("companyId") UUID companyId, @PathParam("memberId") UUID memberId) {
        subscriptions.release(callers.current(), companyId, memberId);
        return Response.noContent().build();
    }
}
