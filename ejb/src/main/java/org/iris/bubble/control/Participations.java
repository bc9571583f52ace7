package org.iris.bubble.control;

import jakarta.persistence.EntityManager;
import org.iris.bubble.entity.Participant;

import java.util.UUID;

/**
 * The one way a participation ends (removed, left, a guest's invitation purged or replaced, a guest
 * turned member, the bubble deleted): with the participant goes their place in the conference or its
 * lobby, in the caller's transaction, so that neither the conference's state nor its signals see
 * someone who no longer takes part. The schema's cascade does the same; this does not rely on it.
 */
public final class Participations {

    private Participations() {
    }

    /** Removes the participant, and their attendance first. */
    public static void remove(EntityManager manager, Participant participant) {
        manager.createQuery("DELETE FROM Attendee a WHERE a.bubbleId = :bubble AND a.participantId = :participant")
                .setParameter("bubble", participant.bubbleId())
                .setParameter("participant", participant.participantId())
                .executeUpdate();
        manager.remove(participant);
    }

    /** Removes every participant of the bubble, and every attendance first. */
    public static void removeAll(EntityManager manager, UUID bubbleId) {
        manager.createQuery("DELETE FROM Attendee a WHERE a.bubbleId = :bubble").setParameter("bubble", bubbleId)
                .executeUpdate();
        manager.createQuery("DELETE FROM Participant p WHERE p.bubbleId = :bubble").setParameter("bubble", bubbleId)
                .executeUpdate();
    }
}
