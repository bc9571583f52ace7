package org.iris.identity.boundary;

import org.iris.platform.boundary.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.iris.identity.entity.ProfileChange;
import org.iris.platform.entity.Roles;
import org.iris.platform.boundary.MergePatch;

import java.util.Optional;
import java.util.Set;

/** The caller's own account. */
@Path("users")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    private static final Set<String> EDITABLE = Set.of("firstName", "lastName", "title", "language");

    @Inject
    Accounts accounts;

    @Inject
    Callers callers;

    @GET
    @Path("me")
    public AccountView me() {
        return AccountView.of(accounts.profile(callers.current()));
    }

    /** A JSON merge patch (RFC 7396) of firstName, lastName, title (null removes it) and language. */
    @PATCH
    @Path("me")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public AccountView update(@NotNull JsonValue patch) {
        return AccountView.of(accounts.update(callers.current(), change(patch)));
    }

    @PUT
    @Path("me/password")
    public Response changePassword(@NotNull Bodies.PasswordChange change) {
        accounts.changePassword(callers.current(), change.currentPassword, change.newPassword);
        return Response.noContent().build();
    }

    static ProfileChange change(JsonValue body) {
        MergePatch patch = new MergePatch(body, EDITABLE);
        Optional<String> title = patch.isNull("title") ? Optional.of("") : patch.string("title");
        ProfileChange change = new ProfileChange(patch.string("firstName"), patch.string("lastName"), title,
                patch.string("language"));
        patch.check("Only firstName, lastName, title and language can be changed, as strings.");
        return change;
    }
}
