package org.iris.network.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.iris.platform.boundary.Callers;
import org.iris.network.entity.NetworkInvitation;
import org.iris.platform.boundary.Codes;
import org.iris.platform.boundary.Ids;
import org.iris.platform.boundary.MergePatch;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.Page;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Invitations to join one's network (SPEC §4): sent by user id or by exact email, then accepted, declined or canceled. */
@Path("invitations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NetworkInvitationsResource {

    /** The other user of an invitation, as far as the caller may see them. */
    public record Person(UUID id, String firstName, String lastName, String email) {
    }

    /**
     * One side of an invitation as its owner sees it. Of an invitation by email its inviter sees the
     * email they typed, and who it reached only once it is accepted.
     */
    public record InvitationView(UUID id, String direction, String status, Person other, OffsetDateTime createdAt,
                                 OffsetDateTime changedAt) {
        static InvitationView of(NetworkInvitations.View view) {
            NetworkInvitation side = view.side();
            String email = side.email().orElse(null);
            Person other = view.other()
                    .map(account -> new Person(account.id(), account.name().first(), account.name().last(), email))
                    .orElseGet(() -> new Person(side.otherShown() ? side.otherId().orElse(null) : null, null, null, email));
            return new InvitationView(side.id(), Codes.of(side.side()), Codes.of(side.shownToOwner()), other,
                    side.createdAt(), side.shownChangedAt());
        }
    }

    private static final Set<String> FIELDS = Set.of("userId", "email", "lang");

    @Inject
    NetworkInvitations invitations;

    @Inject
    Callers callers;

    /**
     * Body {@code {"userId": ...}}: 201 with the sent invitation and the user. Body
     * {@code {"email": ..., "lang": "en|fr"}}: 202 with the invitation, pending, naming only the email,
     * whatever the email is; it is decided afterwards.
     */
    @POST
    public Response invite(@NotNull JsonValue body, @Context UriInfo uri) {
        MergePatch fields = new MergePatch(body, FIELDS);
        var userId = fields.string("userId");
        var email = fields.string("email");
        var lang = fields.string("lang");
        fields.check("An invitation names userId or email, and may give lang.");
        NetworkInvitations.View sent = invitations.invite(callers.current(), userId.map(id -> Ids.parse(id, "userId")).orElse(null),
                email.orElse(null), lang.orElse(null));
        var location = uri.getAbsolutePathBuilder().path(sent.side().id().toString()).build();
        var answer = email.isPresent() ? Response.accepted().location(location) : Response.created(location);
        return answer.entity(InvitationView.of(sent)).build();
    }

    @GET
    public List<InvitationView> list(@QueryParam("direction") String direction,
                                     @QueryParam("offset") @DefaultValue("0") int offset,
                                     @QueryParam("limit") @DefaultValue("50") int limit) {
        NetworkInvitation.Side side;
        if ("received".equals(direction)) {
            side = NetworkInvitation.Side.RECEIVED;
        } else if ("sent".equals(direction)) {
            side = NetworkInvitation.Side.SENT;
        } else {
            throw new InvalidRequest("direction is received or sent.", List.of(new FieldError("direction", "received or sent")));
        }
        return invitations.list(callers.current(), side, Page.of(offset, limit)).stream().map(InvitationView::of).toList();
    }

    @GET
    @Path("{id}")
    public InvitationView get(@PathParam("id") UUID id) {
        return InvitationView.of(invitations.get(callers.current(), id));
    }

    @POST
    @Path("{id}/accept")
    public InvitationView accept(@PathParam("id") UUID id) {
        return InvitationView.of(invitations.accept(callers.current(), id));
    }

    @POST
    @Path("{id}/decline")
    public InvitationView decline(@PathParam("id") UUID id) {
        return InvitationView.of(invitations.decline(callers.current(), id));
    }

    @POST
    @Path("{id}/cancel")
    public InvitationView cancel(@PathParam("id") UUID id) {
        return InvitationView.of(invitations.cancel(callers.current(), id));
    }
}
