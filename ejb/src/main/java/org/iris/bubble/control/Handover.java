package org.iris.bubble.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.iris.bubble.entity.Bubble;
import org.iris.bubble.entity.BubbleEvent;
import org.iris.bubble.entity.BubbleEvent.Kind;
import org.iris.bubble.entity.BubbleRole;
import org.iris.bubble.entity.Participant;
import org.iris.platform.entity.Region;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What becomes of the bubbles of an owner whose account is closed (SPEC §9 calls it): each goes to
 * its longest-standing co-organizer (the one co-organizer longest; the earlier added first), who
 * becomes the owner while the closed account stays a member; a bubble with no co-organizer is
 * archived. One transaction per bubble, idempotent: calling it again changes nothing more.
 */
@ApplicationScoped
public class Handover {

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    @Inject
    BubbleStore store;

    @Inject
    Event<BubbleEvent> events;

    @Inject
    Clock clock;

    /** @return how many bubbles were handed over or archived */
    public int ownerClosed(UUID owner, Region home) {
        int changed = 0;
        for (Region region : store.reachable(home)) {
            List<UUID> owned = managers.of(region).createQuery("SELECT b.id FROM Bubble b WHERE b.ownerId = :owner"
                            + " AND b.status = :active", UUID.class)
                    .setParameter("owner", owner)
                    .setParameter("active", Bubble.Status.ACTIVE)
                    .getResultList();
            for (UUID id : owned) {
                if (transactions.commit(() -> handOver(managers.of(region), region, id, owner))) {
                    changed++;
                }
            }
        }
        return changed;
    }

    private boolean handOver(EntityManager manager, Region region, UUID id, UUID owner) {
        Bubble bubble = manager.find(Bubble.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (bubble == null || bubble.archived() || !bubble.ownerId().equals(owner)) {
            return false;
        }
        Instant now = clock.instant();
        List<Participant> participants = manager.createQuery("SELECT p FROM Participant p WHERE p.bubbleId = :bubble",
                        Participant.class)
                .setParameter("bubble", id)
                .getResultList();
        Optional<Participant> successor = successor(participants);
        if (successor.isPresent()) {
            participants.stream().filter(p -> p.participantId().equals(owner)).findFirst()
                    .ifPresent(old -> old.promote(BubbleRole.MEMBER, now));
            successor.get().promote(BubbleRole.OWNER, now);
            bubble.ownedBy(successor.get().participantId(), now);
            events.fire(BubbleEvent.of(Kind.OWNERSHIP_TRANSFERRED, id, region, successor.get().participantId()));
        } else {
            Participant owning = participants.stream().filter(p -> p.participantId().equals(owner)).findFirst().orElse(null);
            store.new Change(manager, new BubbleStore.Found(bubble, region, owning), now).endConference();
            bubble.archive(now);
            events.fire(BubbleEvent.of(Kind.ARCHIVED, id, region));
        }
        return true;
    }

    /** The co-organizer who has been one longest, the earlier added first; none without co-organizers. */
    static Optional<Participant> successor(List<Participant> participants) {
        return participants.stream()
                .filter(p -> p.role() == BubbleRole.CO_ORGANIZER)
                .min(Comparator.comparing(Participant::roleSince).thenComparing(Participant::addedAt)
                        .thenComparing(Participant::participantId));
    }
}
