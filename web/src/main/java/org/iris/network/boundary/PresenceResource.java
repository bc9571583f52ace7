package org.iris.network.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.iris.platform.boundary.Callers;
import org.iris.network.entity.Presence;
import org.iris.platform.boundary.Codes;
import org.iris.platform.boundary.MergePatch;
import org.iris.platform.control.NotFound;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * Presence (SPEC §4): {@code PUT /users/me/presence} sets the caller's; {@code GET /users/{id}/presence}
 * answers for the caller and their network, and for anyone else as for an unknown user.
 */
@Path("users/{id}/presence")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PresenceResource {

    public record PresenceView(UUID userId, String presence, OffsetDateTime changedAt) {
        static PresenceView of(Presence presence) {
            return new PresenceView(presence.accountId(), Codes.of(presence.status()),
                    presence.changedAt().toInstant().equals(java.time.Instant.EPOCH) ? null : presence.changedAt());
        }
    }

    @Inject
    Presences presences;

    @Inject
    Callers callers;

    /** Body {@code {"presence": "online|away|busy|offline"}}; only {@code me}. */
    @PUT
    public PresenceView set(@PathParam("id") String id, @NotNull JsonValue body) {
        if (!"me".equals(id)) {
            throw new NotFound("user");
        }
        MergePatch fields = new MergePatch(body, Set.of("presence"));
        var presence = fields.choice("presence", Presence.Status.class);
        if (presence.isEmpty() && (!fields.has("presence") || fields.isNull("presence"))) {
            fields.refuse("presence", "required");
        }
        fields.check("presence is one of " + MergePatch.choices(Presence.Status.class) + ".");
        return PresenceView.of(presences.set(callers.current(), presence.orElseThrow()));
    }

    @GET
    public PresenceView get(@PathParam("id") String id) {
        var caller = callers.current();
        UUID userId;
        if ("me".equals(id)) {
            userId = caller.accountId();
        } else {
            try {
                userId = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                throw new NotFound("user");
            }
        }
        return PresenceView.of(presences.get(caller, userId));
    }
}
