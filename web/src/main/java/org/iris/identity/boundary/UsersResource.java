package org.iris.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.iris.identity.entity.ProfileChange;
import org.iris.identity.entity.Roles;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The caller's own account. */
@Path("users")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final Set<String> EDITABLE = Set.of("firstName", "lastName", "title", "language");

    @Inject
    Accounts accounts;

    @Inject
    Callers callers;

    @GET
    @Path("me")
    public AccountView me() {
        return AccountView.of(accounts.me(callers.current()));
    }

    /** A JSON merge patch (RFC 7396) of firstName, lastName, title (null removes it) and language. */
    @PATCH
    @Path("me")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    public AccountView update(@NotNull JsonObject patch) {
        return AccountView.of(accounts.update(callers.current(), change(patch)));
    }

    @PUT
    @Path("me/password")
    public Response changePassword(@NotNull Bodies.PasswordChange change) {
        accounts.changePassword(callers.current(), change.currentPassword, change.newPassword);
        return Response.noContent().build();
    }

    static ProfileChange change(JsonObject patch) {
        List<FieldError> errors = new ArrayList<>();
        patch.keySet().stream().filter(key -> !EDITABLE.contains(key))
                .forEach(key -> errors.add(new FieldError(key, "cannot be changed here")));
        Optional<String> title = patch.containsKey("title") && patch.isNull("title") ? Optional.of("") : text(patch, "title", errors);
        ProfileChange change = new ProfileChange(text(patch, "firstName", errors), text(patch, "lastName", errors),
                title, text(patch, "language", errors));
        if (!errors.isEmpty()) {
            throw new InvalidRequest("Only firstName, lastName, title and language can be changed, as strings.", errors);
        }
        return change;
    }

    private static Optional<String> text(JsonObject patch, String field, List<FieldError> errors) {
        JsonValue value = patch.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        errors.add(new FieldError(field, "must be a string"));
        return Optional.empty();
    }
}
