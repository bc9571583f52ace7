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
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
        return takingPart(manager, bubble.id(), visitor).orElseThrow(() -> new NotFound("bubble"));
    }

    /**
     * The one answer to "does this visitor take part in this bubble, now": a participant of their
     * kind (an account as an account, a guest as a guest, through the token of that bubble), and a
     * guest only while their invitation lasts, whether or not the purge has run yet. Read in the
     * region's current transaction where there is one, so a change that holds a lock sees its own.
     */
    public Optional<Participant> takingPart(Region region, UUID bubbleId, Visitor visitor) {
        return takingPart(managers.of(region), bubbleId, visitor);
    }

    private Optional<Participant> takingPart(EntityManager manager, UUID bubbleId, Visitor visitor) {
        if (visitor.guest() && !visitor.guestOf().orElseThrow().equals(bubbleId)) {
            return Optional.empty();
        }
        Participant me = manager.find(Participant.class, new Participant.Key(bubbleId, visitor.id()));
        if (me == null || me.guest() != visitor.guest() || (me.guest() && !me.guestValidAt(clock.instant()))) {
            return Optional.empty();
        }
        return Optional.of(me);
    }

    /** The bubble, for one who takes part in it now ({@link #takingPart}), in that region; empty for anyone else. */
    public Optional<Found> find(Region region, UUID bubbleId, Visitor visitor) {
        EntityManager manager = managers.of(region);
        return Optional.ofNullable(manager.find(Bubble.class, bubbleId))
                .flatMap(bubble -> takingPart(manager, bubbleId, visitor).map(me -> new Found(bubble, region, me)));
    }

    /** The bubbles of that region in which the visitor takes part now ({@link #takingPart}). */
    public List<UUID> takingPartIn(Region region, Visitor visitor) {
        if (visitor.guest()) {
            UUID bubble = visitor.guestOf().orElseThrow();
            return takingPart(region, bubble, visitor).isPresent() ? List.of(bubble) : List.of();
        }
        return managers.of(region).createQuery("SELECT p.bubbleId FROM Participant p WHERE p.participantId = :me"
                + " AND p.kind = :account", UUID.class).setParameter("me", visitor.id())
                .setParameter("account", Participant.Kind.ACCOUNT).getResultList();
    }

    /**
     * Everyone who takes part in the bubble now, accounts and guests whose invitation lasts: whom its
     * pushes go to.
     */
    public Set<UUID> participants(Region region, UUID bubbleId) {
        return new LinkedHashSet<>(managers.of(region).createQuery("SELECT p.participantId FROM Participant p"
                        + " WHERE p.bubbleId = :bubble AND (p.kind <> :guest OR p.expiresAt > :now)", UUID.class)
                .setParameter("bubble", bubbleId).setParameter("guest", Participant.Kind.GUEST)
                .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC)).getResultList());
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
