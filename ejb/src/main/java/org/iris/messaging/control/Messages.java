package org.iris.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.iris.bubble.control.Visitor;
import org.iris.messaging.control.ConversationAccess.Opened;
import org.iris.messaging.entity.ClientId;
import org.iris.messaging.entity.Message;
import org.iris.messaging.entity.MessageBody;
import org.iris.platform.control.Conflict;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.NotFound;
import org.iris.platform.entity.Region;
import org.iris.residency.control.EntityManagers;

/**
 * The messages of a conversation, for whoever takes part ({@link ConversationAccess}): sent sealed
 * with the conversation's data key, numbered under the conversation's lock, deleted (one's own last,
 * SPEC §6), read page by page. What is sent or deleted is pushed once committed ({@link Push.Message}).
 */
@ApplicationScoped
public class Messages {

    public static final int MAX_PAGE = 100;

    /** A message sent; {@code fresh} is false for a resend of the same client id. */
    public record Sent(Posted message, boolean fresh) {
    }

    /** One page of a conversation's messages, newest first, and the cursor of the next (older) page. */
    public record History(List<Posted> messages, Optional<Long> before) {
    }

    @Inject
    ConversationAccess access;

    @Inject
    EntityManagers managers;

    @Inject
    DataKeys keys;

    @Inject
    Event<Push> pushes;

    /**
     * Sends a message: it is numbered and stored sealed before this returns, and pushed to every
     * socket of whoever takes part but {@code socket} (the sender's, answered already). A resend with
     * the same client id answers the message stored the first time, and pushes nothing.
     *
     * @throws Conflict in an archived bubble, which is read-only
     * @throws org.iris.platform.control.Forbidden in a one-to-one conversation whose peer the sender may no longer reach
     */
    public Sent send(Visitor visitor, UUID id, String clientId, String body, Optional<String> socket) {
        MessageBody text = MessageBody.of(body);
        ClientId client = ClientId.of(clientId);
        return access.change(visitor, id, (opened, manager, now) -> {
            opened.writable();
            access.mayWrite(visitor, opened);
            Optional<Message> again = manager.createQuery("SELECT m FROM Message m WHERE m.conversationId = :conversation "
                            + "AND m.senderId = :sender AND m.clientId = :client", Message.class)
                    .setParameter("conversation", id).setParameter("sender", visitor.id()).setParameter("client", client.value())
                    .getResultStream().findFirst();
            if (again.isPresent()) {
                return new Sent(posted(manager, opened.region(), again.get()), false);
            }
            long seq = opened.conversation().next(now);
            DataKeys.Current key = keys.current(manager, opened.region(), id);
            UUID messageId = UUID.randomUUID();
            Message message = Message.sent(id, seq, messageId, visitor.id(), client.value(), key.version(),
                    Seal.seal(key.key(), text.text().getBytes(StandardCharsets.UTF_8), place(id, messageId)), now);
            manager.persist(message);
            Posted posted = new Posted(messageId, id, seq, visitor.id(), client.value(), message.sentAt(), Optional.of(text.text()));
            pushes.fire(new Push.Message(posted, opened.members(), socket));
            return new Sent(posted, true);
        });
    }

    /**
     * Deletes the caller's own last message of the conversation (SPEC §6): its body goes, its place
     * stays.
     *
     * @throws Conflict for any other message, or one already deleted
     */
    public Posted deleteLast(Visitor visitor, UUID id, UUID messageId) {
        return access.change(visitor, id, (opened, manager, now) -> {
            opened.writable();
            Message last = manager.createQuery("SELECT m FROM Message m WHERE m.conversationId = :conversation "
                            + "AND m.senderId = :sender ORDER BY m.seq DESC", Message.class)
                    .setParameter("conversation", id).setParameter("sender", visitor.id())
                    .setMaxResults(1).getResultStream().findFirst().orElse(null);
            if (last == null || !last.id().equals(messageId)) {
                if (manager.createQuery("SELECT COUNT(m) FROM Message m WHERE m.id = :id AND m.conversationId = :conversation",
                        Long.class).setParameter("id", messageId).setParameter("conversation", id).getSingleResult() == 0) {
                    throw new NotFound("message");
                }
                throw new Conflict("Only your own last message of a conversation can be deleted.");
            }
            if (last.deleted()) {
                throw new Conflict("This message is already deleted.");
            }
            last.delete(now);
            Posted deleted = posted(manager, opened.region(), last);
            pushes.fire(new Push.Message(deleted, opened.members(), Optional.empty()));
            return deleted;
        });
    }

    /** Messages older than {@code before} (all when empty), newest first. */
    public History history(Visitor visitor, UUID id, Optional<Long> before, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequest("A page holds 1 to " + MAX_PAGE + " messages.",
                    List.of(new InvalidRequest.FieldError("limit", "between 1 and " + MAX_PAGE)));
        }
        Opened opened = access.open(visitor, id);
        EntityManager manager = managers.of(opened.region());
        List<Message> page = manager.createQuery("SELECT m FROM Message m WHERE m.conversationId = :conversation "
                        + "AND m.seq < :before ORDER BY m.seq DESC", Message.class)
                .setParameter("conversation", id).setParameter("before", before.orElse(Long.MAX_VALUE))
                .setMaxResults(limit + 1).getResultList();
        List<Posted> messages = new ArrayList<>();
        for (Message message : page.subList(0, Math.min(limit, page.size()))) {
            messages.add(posted(manager, opened.region(), message));
        }
        Optional<Long> next = page.size() > limit ? Optional.of(messages.get(limit - 1).seq()) : Optional.empty();
        return new History(messages, next);
    }

    private Posted posted(EntityManager manager, Region region, Message message) {
        Optional<String> body = message.sealed().map(sealed -> new String(Seal.open(
                keys.version(manager, region, message.conversationId(), message.keyVersion()), sealed,
                place(message.conversationId(), message.id())), StandardCharsets.UTF_8));
        return new Posted(message.id(), message.conversationId(), message.seq(), message.senderId(), message.clientId(),
                message.sentAt(), body);
    }

    /** A sealed body opens only as the body of that message of that conversation. */
    static String place(UUID conversationId, UUID messageId) {
        return "iris:message:" + conversationId + ":" + messageId;
    }
}
