package org.iris.bubble.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iris.bubble.entity.Attendee;
import org.iris.platform.control.Forbidden;
import org.iris.platform.control.NotFound;
import org.iris.platform.entity.Region;
import org.iris.residency.control.EntityManagers;

import java.util.UUID;

/**
 * Who may send a WebRTC signal (an offer, an answer, a candidate) to whom (SPEC §5: only participants
 * meet in a conference, and those in the lobby meet nobody yet): the one rule, asked by messaging,
 * which relays signals. Read without a transaction, like the conference's state: a signal is hot.
 */
@ApplicationScoped
public class Signalling {

    static final String REFUSAL = "Signals go only between participants admitted to the same conference.";

    @Inject
    BubbleStore store;

    @Inject
    EntityManagers managers;

    /**
     * Lets the signal go only between two different participants who both take part in the bubble now
     * ({@link BubbleStore#takingPart(Region, UUID, Visitor)}: a guest only while their invitation lasts) and are both in
     * its conference, admitted, not waiting.
     *
     * @throws NotFound for a visitor who takes no part in the bubble (a guest of another bubble included),
     *     alike to an unknown bubble
     * @throws Forbidden for anyone else who may not
     */
    public void mayRelay(Visitor visitor, UUID bubbleId, UUID to) {
        if (visitor.guest() && !visitor.guestOf().orElseThrow().equals(bubbleId)) {
            throw new NotFound("bubble");
        }
        Region region = store.locate(visitor, bubbleId);
        if (to == null || to.equals(visitor.id()) || !store.participants(region, bubbleId).contains(to)) {
            throw new Forbidden(REFUSAL);
        }
        long admitted = managers.of(region).createQuery("SELECT COUNT(a) FROM Attendee a WHERE a.bubbleId = :bubble"
                        + " AND a.participantId IN (:me, :to) AND a.state = :in", Long.class)
                .setParameter("bubble", bubbleId)
                .setParameter("me", visitor.id())
                .setParameter("to", to)
                .setParameter("in", Attendee.State.IN)
                .getSingleResult();
        if (admitted != 2) {
            throw new Forbidden(REFUSAL);
        }
    }
}
