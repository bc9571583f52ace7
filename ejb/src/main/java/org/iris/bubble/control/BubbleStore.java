package org.iris.bubble.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.iris.bubble.control.BubbleRights.Action;
import org.iris.bubble.entity.Bubble;
import org.iris.bubble.entity.BubbleEvent;
import org.iris.bubble.entity.Participant;
import org.iris.platform.control.Conflict;
import org.iris.platform.control.Forbidden;
import org.iris.platform.control.NotFound;
import org.iris.platform.entity.Region;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds a bubble for someone who acts on it, and runs their change in one transaction of the
 * bubble's region under a lock of the bubble's row, after asking {@link BubbleRights}. Whoever is no
 * participant (or a guest whose invitation ended) is told, like for an unknown id, that there is no
 * such bubble; a guest token names its own bubble only.
 */
@ApplicationScoped
public class BubbleStore {

    /** A bubble as one of its participants acts on it. */
    public record Found(Bubble bubble, Region region, Participant me) {
    }

    @Inject
    EntityManagers managers;

    @Inject
    Boundaries boundaries;

    @Inject
    Transactions transactions;

    @Inject
    Event<BubbleEvent> events;

    @Inject
    Clock clock;

    /**
     * The regions where a bubble of this visitor's may live: their region first, then the others
     * they may meet people of (none across the China or HDS boundary).
     */
    public List<Region> reachable(Region home) {
        return Stream.concat(Stream.of(home), boundaries.served().stream()
                        .filter(region -> region != home && !region.separatedFrom(home)))
                .filter(boundaries::serves)
                .toList();
    }

    /** Reads the bubble for a participant, without a transaction; checks only that they take part. */
    public Found read(Visitor visitor, UUID bubbleId) {
        for (Region region : regionsOf(visitor, bubbleId)) {
            EntityManager manager = managers.of(region);
            Bubble bubble = manager.find(Bubble.class, bubbleId);
            if (bubble != null) {
                return new Found(bubble, region, participating(manager, bubble, visitor));
            }
        }
        throw new NotFound("bubble");
    }

    /**
     * Where the bubble is; only its participants learn it. Asked before the lock, so that someone who
     * takes no part never holds a lock of another's bubble (nor waits behind one).
     */
    public Region locate(Visitor visitor, UUID bubbleId) {
        return read(visitor, bubbleId).region();
    }

    /**
     * Runs {@code work} in one transaction of the bubble's region, the bubble locked, once the rights
     * table lets the visitor's role do {@code action} (and an archived bubble still allows it).
     *
     * @throws NotFound for a visitor who takes no part, alike to an unknown bubble
     * @throws Forbidden where their role may not
     * @throws Conflict where the bubble is archived
     */
    public <T> T change(Visitor visitor, UUID bubbleId, Action action, Function<Change, T> work) {
        Region region = locate(visitor, bubbleId);
        return transactions.commit(() -> {
            EntityManager manager = managers.of(region);
            Bubble bubble = manager.find(Bubble.class, bubbleId, LockModeType.PESSIMISTIC_WRITE);
            if (bubble == null) {
                throw new NotFound("bubble");
            }
            Participant me = participating(manager, bubble, visitor);
            allow(bubble, me, action);
            return work.apply(new Change(manager, new Found(bubble, region, me), clock.instant()));
        });
    }

    /** What a change works with: the region's entity manager, the locked bubble, the actor, now. */
    public final class Change {
        private final EntityManager manager;
        private final Found found;
        private final Instant now;

        Change(EntityManager manager, Found found, Instant now) {
            this.manager = manager;
            this.found = found;
            this.now = now;
        }

        public EntityManager manager() {
            return manager;
        }

        public Bubble bubble() {
            return found.bubble();
        }

        public Region region() {
            return found.region();
        }

        public Participant me() {
            return found.me();
        }

        public Found found() {
            return found;
        }

        public Instant now() {
            return now;
        }

        /** Raises the event in this transaction; its observers see it once committed. */
        public void raise(BubbleEvent.Kind kind) {
            events.fire(BubbleEvent.of(kind, bubble().id(), region()));
        }

        public void raise(BubbleEvent.Kind kind, UUID participant) {
            events.fire(BubbleEvent.of(kind, bubble().id(), region(), participant));
        }

        /** Everyone in the conference or its lobby is out; a started conference ends, and says so. */
        public void endConference() {
            manager.createQuery("DELETE FROM Attendee a WHERE a.bubbleId = :bubble")
                    .setParameter("bubble", bubble().id()).executeUpdate();
            if (bubble().conferenceStarted().isPresent()) {
                bubble().conferenceEnded();
                raise(BubbleEvent.Kind.CONFERENCE_ENDED);
            }
        }
    }

    /** @throws Forbidden or {@link Conflict} as {@link #change} says */
    public static void allow(Bubble bubble, Participant me, Action action) {
        if (!BubbleRights.allows(me.role(), action)) {
            throw new Forbidden(refusal(action));
        }
        if (bubble.archived() && !BubbleRights.allowedWhenArchived(action)) {
            throw new Conflict("This bubble is archived: it is read-only.");
        }
    }

    private static String refusal(Action action) {
        return switch (action) {
            case DELETE, ARCHIVE, TRANSFER_OWNERSHIP, GET_CONFERENCE_LINK, ROTATE_CONFERENCE_LINK ->
                    "Only the bubble's owner may do this.";
            case PROMOTE, DEMOTE, MANAGE_PARTICIPANTS, START_CONFERENCE, END_CONFERENCE, DESCRIBE ->
                    "Only the bubble's owner and co-organizers may do this.";
            case READ, JOIN_CONFERENCE, LEAVE -> "Only the bubble's participants may do this.";
        };
    }

    private List<Region> regionsOf(Visitor visitor, UUID bubbleId) {
        if (visitor.guest()) {
            if (!visitor.guestOf().get().equals(bubbleId)) {
                throw new Forbidden("A guest's token opens their own bubble only.");
            }
            return boundaries.serves(visitor.region()) ? List.of(visitor.region()) : List.of();
        }
        return reachable(visitor.region());
    }

    private Participant participating(EntityManager manager, Bubble bubble, Visitor visitor) {
        Participant me = manager.find(Participant.class, new Participant.Key(bubble.id(), visitor.id()));
        if (me == null || me.guest() != visitor.guest() || (me.guest() && !me.guestValidAt(clock.instant()))) {
            throw new NotFound("bubble");
        }
        return me;
    }

    /** How many take part in each of these bubbles of one region, in one query. */
    public Map<UUID, Long> counts(EntityManager manager, List<UUID> bubbleIds) {
        if (bubbleIds.isEmpty()) {
            return Map.of();
        }
        return manager.createQuery("SELECT p.bubbleId, COUNT(p) FROM Participant p WHERE p.bubbleId IN :bubbles"
                        + " GROUP BY p.bubbleId", Object[].class)
                .setParameter("bubbles", bubbleIds)
                .getResultList().stream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> ((Number) row[1]).longValue()));
    }

    public long count(EntityManager manager, UUID bubbleId) {
        return manager.createQuery("SELECT COUNT(p) FROM Participant p WHERE p.bubbleId = :bubble", Long.class)
                .setParameter("bubble", bubbleId)
                .getSingleResult();
    }
}
