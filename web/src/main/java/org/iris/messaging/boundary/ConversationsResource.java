package org.iris.messaging.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.iris.bubble.boundary.Visitors;
import org.iris.bubble.control.Visitor;
import org.iris.messaging.boundary.MessagingViews.ConversationPage;
import org.iris.messaging.boundary.MessagingViews.ConversationView;
import org.iris.messaging.boundary.MessagingViews.MessagePage;
import org.iris.messaging.boundary.MessagingViews.MessageView;
import org.iris.messaging.control.Messages.Sent;
import org.iris.platform.boundary.Callers;
import org.iris.platform.boundary.Ids;
import org.iris.platform.boundary.MergePatch;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.entity.Language;
import org.iris.platform.control.BusinessException.FieldError;

/**
 * Conversations (SPEC §6): one-to-one and bubbles', their history (newest first, paged by a cursor),
 * sending, read marks and deleting one's own last message. The same happens over {@code /ws}.
 */
@Path("conversations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationsResource {

    private static final Set<String> START = Set.of("userId");
    private static final Set<String> MESSAGE = Set.of("clientId", "body");
    private static final Set<String> READ = Set.of("seq");
    private static final Set<String> TRANSCRIPT = Set.of("lang");

    @Inject
    Conversations conversations;

    @Inject
    Callers callers;

    @Inject
    Visitors visitors;

    /** Body {@code {"userId": ...}}: the one-to-one conversation with that user, started if need be. */
    @POST
    public ConversationView start(@NotNull JsonValue body) {
        MergePatch fields = new MergePatch(body, START);
        var userId = fields.string("userId");
        if (userId.isEmpty()) {
            fields.refuse("userId", "required");
        }
        fields.check("A one-to-one conversation names the other user by userId.");
        var caller = callers.current();
        var opened = conversations.direct(caller, Ids.parse(userId.get(), "userId"));
        return ConversationView.of(opened, conversations.readSeq(Visitor.of(caller), opened), caller.accountId());
    }

    /** A page of the caller's conversations, newest activity first; {@code after} is the previous page's {@code after}. */
    @GET
    public ConversationPage list(@QueryParam("after") @DefaultValue("") String after,
                                 @QueryParam("limit") @DefaultValue("50") int limit) {
        Visitor visitor = visitors.current();
        return ConversationPage.of(conversations.list(visitor, Optional.of(after).filter(given -> !given.isEmpty()), limit),
                visitor.id());
    }

    @GET
    @Path("{id}")
    public ConversationView get(@PathParam("id") UUID id) {
        Visitor visitor = visitors.current();
        var opened = conversations.read(visitor, id);
        return ConversationView.of(opened, conversations.readSeq(visitor, opened), visitor.id());
    }

    /** Messages older than {@code before} (the newest when 0), newest first. */
    @GET
    @Path("{id}/messages")
    public MessagePage history(@PathParam("id") UUID id, @QueryParam("before") @DefaultValue("0") long before,
                               @QueryParam("limit") @DefaultValue("50") int limit) {
        if (before < 0) {
            throw new InvalidRequest("before is a message's number, or 0 for the newest.",
                    List.of(new FieldError("before", "0 or more")));
        }
        return MessagePage.of(conversations.history(visitors.current(), id,
                before == 0 ? Optional.empty() : Optional.of(before), limit));
    }

    /**
     * Body {@code {"body": ..., "clientId": ...}}: 201 with the message once stored. The same
     * {@code clientId} again answers 200 with the message stored the first time.
     */
    @POST
    @Path("{id}/messages")
    public Response send(@PathParam("id") UUID id, @NotNull JsonValue body, @Context UriInfo uri) {
        MergePatch fields = new MergePatch(body, MESSAGE);
        var text = fields.string("body");
        var clientId = fields.string("clientId");
        fields.check("A message has a body, and may have a clientId.");
        Sent sent = conversations.send(visitors.current(), id, clientId.orElse(null), text.orElse(null));
        MessageView view = MessageView.of(sent.message());
        if (!sent.fresh()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    /** One's own last message of the conversation: its body goes at once, on every device. */
    @DELETE
    @Path("{id}/messages/{messageId}")
    public Response delete(@PathParam("id") UUID id, @PathParam("messageId") UUID messageId) {
        conversations.deleteLast(visitors.current(), id, messageId);
        return Response.noContent().build();
    }

    /**
     * Body {@code {"lang": "en"|"fr"}} (optional; the caller's language otherwise): 202, the
     * conversation goes to the caller's own address by mail.
     */
    @POST
    @Path("{id}/transcript")
    public Response transcript(@PathParam("id") UUID id, @NotNull JsonValue body) {
        MergePatch fields = new MergePatch(body, TRANSCRIPT);
        var lang = fields.string("lang");
        fields.check("A transcript may name its language, en or fr.");
        var caller = callers.current();
        conversations.transcript(Visitor.of(caller), id, lang.map(code -> Language.parse(code, "lang")));
        return Response.accepted().build();
    }

    /** Body {@code {"seq": n}}: read up to and including message n. */
    @PUT
    @Path("{id}/read")
    public Response read(@PathParam("id") UUID id, @NotNull JsonValue body) {
        MergePatch fields = new MergePatch(body, READ);
        var seq = fields.integer("seq");
        if (seq.isEmpty()) {
            fields.refuse("seq", "required");
        }
        fields.check("A read mark names a message by its seq.");
        conversations.markRead(visitors.current(), id, seq.get());
        return Response.noContent().build();
    }
}
