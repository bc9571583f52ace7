package org.iris.messaging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.iris.bubble.entity.BubbleEvent;
import org.iris.messaging.entity.Conversation;
import org.iris.network.control.Contacts;
import org.iris.network.entity.PresenceChanged;
import org.iris.residency.control.EntityManagers;

/**
 * What lower features announce, pushed to whom it concerns: a bubble's events to its participants
 * (and to one who was just removed), a presence to the user's network and their own devices. A
 * bubble's conversation is created and deleted with the bubble, in its transaction, and its files'
 * contents once it committed. The push itself waits for the commit: nothing rolled back is ever pushed.
 */
@ApplicationScoped
public class Pushes {

    private static final Logger LOG = Logger.getLogger(Pushes.class.getName());

    @Inject
    EntityManagers managers;

    @Inject
    ConversationStore conversations;

    @Inject
    DataKeys keys;

    @Inject
    Contacts contacts;

    @Inject
    Fanout fanout;

    @Inject
    BlobStore blobs;

    @Inject
    Clock clock;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    /** In the bubble's transaction: who it concerns now, and the bubble's conversation with it. */
    void bubbleChanged(@Observes BubbleEvent event) {
        EntityManager manager = managers.of(event.region());
        Set<UUID> recipients = new LinkedHashSet<>(conversations.participants(manager, event.bubbleId()));
        event.participant().ifPresent(recipients::add);
        switch (event.kind()) {
            case CREATED -> manager.persist(Conversation.ofBubble(event.bubbleId(), clock.instant()));
            case DELETED -> {
                List<String> files = manager.createQuery("SELECT f.blob FROM SharedFile f WHERE f.conversationId = :id",
                        String.class).setParameter("id", event.bubbleId()).getResultList();
                manager.createQuery("DELETE FROM Conversation c WHERE c.id = :id").setParameter("id", event.bubbleId())
                        .executeUpdate();
                keys.forget(event.bubbleId());
                afterCommit(() -> files.forEach(blob -> blobs.delete(event.region(), blob)));
            }
            default -> {
                // the conversation stays as it is
            }
        }
        String frame = Frames.bubble(event);
        afterCommit(() -> fanout.send(recipients, frame));
    }

    void presenceChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PresenceChanged event) {
        Set<UUID> recipients = new LinkedHashSet<>(contacts.network(managers.of(event.region()), event.accountId()));
        recipients.add(event.accountId());
        fanout.send(recipients, Frames.presence(event.accountId(), event.status()));
    }

    /** Runs once the transaction committed; never for one that rolls back. */
    private void afterCommit(Runnable work) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            work.run();
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            return; // marked for rollback: nothing of it happened
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before
            }

            @Override
            public void afterCompletion(int completed) {
                if (completed == Status.STATUS_COMMITTED) {
                    try {
                        work.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "What follows a bubble's commit failed", e);
                    }
                }
            }
        });
    }
}
