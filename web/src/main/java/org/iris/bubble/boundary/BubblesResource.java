package org.iris.bubble.boundary;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.iris.bubble.boundary.BubbleViews.BubbleView;
import org.iris.bubble.boundary.BubbleViews.ParticipantView;
import org.iris.bubble.control.Visitor;
import org.iris.bubble.entity.Bubble;
import org.iris.bubble.entity.BubbleRole;
import org.iris.platform.boundary.Callers;
import org.iris.platform.boundary.Ids;
import org.iris.platform.boundary.MergePatch;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.Page;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Bubbles (SPEC §5): the caller's group conversations, their participants and roles. */
@Path("bubbles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BubblesResource {

    private static final Set<String> DESCRIPTION = Set.of("name", "topic");
    private static final Set<String> ADDITION = Set.of("userId", "email", "lang");
    private static final Set<String> ROLE = Set.of("role");

    @Inject
    Bubbles bubbles;

    @Inject
    Callers callers;

    @Inject
    Visitors visitors;

    /** Body {@code {"name": ..., "topic": ...}}: 201 with the bubble, of which the caller is the owner. */
    @POST
    public Response create(@NotNull JsonValue body, @Context UriInfo uri) {
        MergePatch fields = new MergePatch(body, DESCRIPTION);
        var name = fields.string("name");
        var topic = fields.string("topic");
        fields.check("A bubble has a name, and may have a topic.");
        BubbleView created = BubbleView.of(bubbles.create(callers.current(), name.orElse(null), topic.orElse(null)));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    /** The caller's bubbles, newest first: {@code status} active, archived, or all. */
    @GET
    public List<BubbleView> list(@QueryParam("status") @DefaultValue("all") String status,
                                 @QueryParam("offset") @DefaultValue("0") int offset,
                                 @QueryParam("limit") @DefaultValue("50") int limit) {
        Optional<Bubble.Status> only;
        if ("all".equals(status)) {
            only = Optional.empty();
        } else if ("active".equals(status) || "archived".equals(status)) {
            only = Optional.of(Bubble.Status.valueOf(status.toUpperCase(Locale.ROOT)));
        } else {
            throw new InvalidRequest("status is active, archived or all.",
                    List.of(new FieldError("status", "active, archived or all")));
        }
        return bubbles.mine(callers.current(), only, Page.of(offset, limit)).stream().map(BubbleView::of).toList();
    }

    @GET
    @Path("{id}")
    public BubbleView get(@PathParam("id") UUID id) {
        return BubbleView.of(bubbles.read(visitors.current(), id));
    }

    /** A JSON merge patch of {@code name} and {@code topic} (null removes the topic). */
    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public BubbleView describe(@PathParam("id") UUID id, @NotNull JsonValue body) {
        MergePatch patch = new MergePatch(body, DESCRIPTION);
        if (patch.isNull("name")) {
            patch.refuse("name", "a bubble keeps a name");
        }
        var name = patch.string("name");
        var topic = patch.string("topic");
        boolean topicGiven = patch.has("topic");
        patch.check("Only name and topic can be changed here.");
        return BubbleView.of(bubbles.describe(callers.current(), id, name.orElse(null), topic.orElse(null), topicGiven));
    }

    /** Read-only for everyone from now on: no participant, message or conference any more. */
    @POST
    @Path("{id}/archive")
    public BubbleView archive(@PathParam("id") UUID id) {
        return BubbleView.of(bubbles.archive(callers.current(), id));
    }

    /** Everyone loses access at once. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        bubbles.delete(callers.current(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/participants")
    public List<ParticipantView> participants(@PathParam("id") UUID id,
                                              @QueryParam("offset") @DefaultValue("0") int offset,
                                              @QueryParam("limit") @DefaultValue("50") int limit) {
        Visitor visitor = visitors.current();
        Bubbles.View bubble = bubbles.read(visitor, id);
        boolean organizer = bubble.mine().role().organizer();
        return bubbles.participants(visitor, id, Page.of(offset, limit)).stream()
                .map(member -> ParticipantView.of(member, organizer)).toList();
    }

    /**
     * Body {@code {"userId": ...}}: 201 with the new member. Body {@code {"email": ..., "lang": "en|fr"}}:
     * 202 with the guest, invited, whatever the email is; the invitation is mailed afterwards.
     */
    @POST
    @Path("{id}/participants")
    public Response add(@PathParam("id") UUID id, @NotNull JsonValue body, @Context UriInfo uri) {
        MergePatch fields = new MergePatch(body, ADDITION);
        var userId = fields.string("userId");
        var email = fields.string("email");
        var lang = fields.string("lang");
        fields.check("A participant is named by userId or by email, and may be given lang.");
        Bubbles.Member added = bubbles.add(callers.current(), id, userId.map(value -> Ids.parse(value, "userId")).orElse(null),
                email.orElse(null), lang.orElse(null));
        var location = uri.getAbsolutePathBuilder().path(added.participant().participantId().toString()).build();
        var answer = email.isPresent() ? Response.accepted().location(location) : Response.created(location);
        return answer.entity(ParticipantView.of(added, true)).build();
    }

    @GET
    @Path("{id}/participants/{participantId}")
    public ParticipantView participant(@PathParam("id") UUID id, @PathParam("participantId") UUID participantId) {
        Visitor visitor = visitors.current();
        boolean organizer = bubbles.read(visitor, id).mine().role().organizer();
        return ParticipantView.of(bubbles.participant(visitor, id, participantId), organizer);
    }

    /**
     * A JSON merge patch of {@code role}: {@code co-organizer} or {@code member}; {@code owner} transfers
     * ownership to that co-organizer, and the caller becomes a member.
     */
    @PATCH
    @Path("{id}/participants/{participantId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public ParticipantView changeRole(@PathParam("id") UUID id, @PathParam("participantId") UUID participantId,
                                      @NotNull JsonValue body) {
        MergePatch patch = new MergePatch(body, ROLE);
        Optional<BubbleRole> role = patch.string("role").flatMap(text -> role(text, patch));
        if (!patch.has("role") || patch.isNull("role")) {
            patch.refuse("role", "owner, co-organizer or member");
        }
        patch.check("Only role can be changed here: owner, co-organizer or member.");
        return ParticipantView.of(bubbles.changeRole(callers.current(), id, participantId, role.orElseThrow()), true);
    }

    /** Removes a participant; a participant's own id: leaves the bubble (the owner transfers ownership first). */
    @DELETE
    @Path("{id}/participants/{participantId}")
    public Response remove(@PathParam("id") UUID id, @PathParam("participantId") UUID participantId) {
        bubbles.remove(visitors.current(), id, participantId);
        return Response.noContent().build();
    }

    private static Optional<BubbleRole> role(String text, MergePatch patch) {
        String code = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (Set.of("OWNER", "CO_ORGANIZER", "MEMBER").contains(code)) {
            return Optional.of(BubbleRole.valueOf(code));
        }
        patch.refuse("role", "owner, co-organizer or member");
        return Optional.empty();
    }
}
