package org.iris.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.iris.bubble.control.BubbleStore;
import org.iris.bubble.entity.BubbleEvent;
import org.iris.messaging.entity.Conversation;
import org.iris.messaging.entity.SharedFile;
import org.iris.network.control.Contacts;
import org.iris.network.entity.PresenceChanged;
import org.iris.platform.entity.Region;
import org.iris.residency.control.EntityManagers;

/**
 * What lower features announce, turned into pushes ({@link Push}) for whom it concerns: a bubble's
 * events to those who take part (and to one who was just removed), a presence to the user's network
 * and their own devices. A bubble's conversation is created and deleted with the bubble, in its
 * transaction, and its files' contents once it committed; nothing rolled back is ever pushed.
 */
@ApplicationScoped
public class Pushes {

    /** Files whose records went with their conversation: their contents are deleted and their quota freed once that committed. */
    record Orphaned(Region region, List<SharedFile> files) {
    }

    @Inject
    EntityManagers managers;

    @Inject
    BubbleStore bubbles;

    @Inject
    ConversationAccess conversations;

    @Inject
    DataKeys keys;

    @Inject
    Contacts contacts;

    @Inject
    BlobStore blobs;

    @Inject
    StorageQuota quota;

    @Inject
    Event<Push> pushes;

    @Inject
    Event<Orphaned> orphaned;

    @Inject
    Clock clock;

    /** In the bubble's transaction: who it concerns now, and the bubble's conversation with it. */
    void bubbleChanged(@Observes BubbleEvent event) {
        EntityManager manager = managers.of(event.region());
        Set<UUID> recipients = new LinkedHashSet<>(bubbles.participants(event.region(), event.bubbleId()));
        event.participant().ifPresent(recipients::add);
        switch (event.kind()) {
            case CREATED -> manager.persist(Conversation.ofBubble(event.bubbleId(), clock.instant()));
            case DELETED -> {
                // locked first: an upload that committed before is listed, one that waits finds no conversation
                manager.find(Conversation.class, event.bubbleId(), LockModeType.PESSIMISTIC_WRITE);
                List<SharedFile> files = manager.createQuery("SELECT f FROM SharedFile f WHERE f.conversationId = :id",
                        SharedFile.class).setParameter("id", event.bubbleId()).getResultList();
                manager.createQuery("DELETE FROM Conversation c WHERE c.id = :id").setParameter("id", event.bubbleId())
                        .executeUpdate();
                keys.forget(event.bubbleId());
                conversations.forget(event.bubbleId());
                orphaned.fire(new Orphaned(event.region(), files));
            }
            default -> {
                // the conversation stays as it is
            }
        }
        pushes.fire(new Push.Bubble(event, recipients));
    }

    void filesGone(@Observes(during = TransactionPhase.AFTER_SUCCESS) Orphaned gone) {
        for (SharedFile file : gone.files()) {
            blobs.delete(gone.region(), file.blob());
            file.quotaOwner().ifPresent(owner -> quota.count(owner, -file.size()));
        }
    }

    void presenceChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PresenceChanged event) {
        Set<UUID> recipients = new LinkedHashSet<>(contacts.network(managers.of(event.region()), event.accountId()));
        recipients.add(event.accountId());
        pushes.fire(new Push.Presence(event.accountId(), event.status(), recipients));
    }
}
