package org.iris.bubble.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.iris.bubble.control.BubbleRights.Action;
import org.iris.bubble.control.BubbleStore;
import org.iris.bubble.control.BubbleStore.Change;
import org.iris.bubble.control.BubbleStore.Found;
import org.iris.bubble.control.TurnCredentials;
import org.iris.bubble.control.TurnCredentials.IceServer;
import org.iris.bubble.control.Visitor;
import org.iris.bubble.entity.Attendee;
import org.iris.bubble.entity.Bubble;
import org.iris.bubble.entity.BubbleEvent.Kind;
import org.iris.bubble.entity.BubbleRole;
import org.iris.bubble.entity.Participant;
import org.iris.platform.control.BusinessException;
import org.iris.platform.control.NotFound;
import org.iris.platform.entity.Caller;
import org.iris.platform.entity.GuestRole;
import org.iris.platform.entity.Roles;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.RegionalTokens;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A bubble's conference (SPEC §5): started by its owner or a co-organizer; joined by its
 * participants only; a member or guest who comes while no organizer is in waits in the lobby, and is
 * admitted, in arrival order, when one comes. When the last organizer leaves, those in stay and
 * newcomers wait. Its state lives in the bubble's region database, so that every node sees the same
 * and a restart loses nothing. Who is in gets ICE servers with short-lived TURN credentials; who
 * waits gets none. The owner's conference link resolves to the bubble for its participants, and to
 * the same "not found" as nothing for anyone else.
 */
@Stateless
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN, GuestRole.NAME})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Conferences {

    /** The conference as a participant sees it, with their own place and, once in, their ICE servers. */
    public record State(UUID bubbleId, boolean started, List<Attendee> in, List<Attendee> waiting, Optional<Attendee> me,
                        List<IceServer> iceServers) {
    }

    @Inject
    BubbleStore store;

    @Inject
    EntityManagers managers;

    @Inject
    TurnCredentials turn;

    @Inject
    Clock clock;

    @RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
    public State start(Caller caller, UUID id) {
        Visitor visitor = Visitor.of(caller);
        store.change(visitor, id, Action.START_CONFERENCE, this::enter);
        return state(visitor, id);
    }

    /** Comes in, or waits; the state is read after the commit, so that the bubble's lock is held the shortest. */
    public State join(Visitor visitor, UUID id) {
        store.change(visitor, id, Action.JOIN_CONFERENCE, this::enter);
        return state(visitor, id);
    }

    public State leave(Visitor visitor, UUID id) {
        return store.change(visitor, id, Action.JOIN_CONFERENCE, change -> {
            Attendee mine = change.manager().find(Attendee.class, key(change));
            if (mine != null) {
                change.manager().remove(mine);
                change.raise(Kind.CONFERENCE_LEFT, mine.participantId());
            }
            return state(change.found(), change.now());
        });
    }

    @RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
    public State end(Caller caller, UUID id) {
        return store.change(Visitor.of(caller), id, Action.END_CONFERENCE, change -> {
            change.endConference();
            return state(change.found(), change.now());
        });
    }

    public State state(Visitor visitor, UUID id) {
        Found found = store.read(visitor, id);
        BubbleStore.allow(found.bubble(), found.me(), Action.READ);
        return state(found, clock.instant());
    }

    /** The conference link, for the owner only. */
    @RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
    public String link(Caller caller, UUID id) {
        Found found = store.read(Visitor.of(caller), id);
        BubbleStore.allow(found.bubble(), found.me(), Action.GET_CONFERENCE_LINK);
        return found.bubble().conferenceLink();
    }

    /** A new conference link for the owner; the old one resolves to nothing from now on. */
    @RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
    public String rotateLink(Caller caller, UUID id) {
        return store.change(Visitor.of(caller), id, Action.ROTATE_CONFERENCE_LINK, change -> {
            String link = RegionalTokens.draw(change.region());
            change.bubble().conferenceLink(link, change.now());
            return link;
        });
    }

    /** The bubble of a conference link, for its participants; for anyone else, as for no link at all. */
    public Bubbles.View resolve(Visitor visitor, String link) {
        var parsed = RegionalTokens.parse(link).orElseThrow(() -> new NotFound("conference"));
        if (!store.reachable(visitor.region()).contains(parsed.region())) {
            throw new NotFound("conference");
        }
        EntityManager manager = managers.of(parsed.region());
        List<Bubble> found = manager.createQuery("SELECT b FROM Bubble b WHERE b.conferenceLink = :link", Bubble.class)
                .setParameter("link", link.strip())
                .getResultList();
        if (found.isEmpty()) {
            throw new NotFound("conference");
        }
        try {
            Found mine = store.read(visitor, found.get(0).id());
            return new Bubbles.View(mine.bubble(), mine.region(), mine.me(), store.count(manager, mine.bubble().id()));
        } catch (BusinessException e) {
            throw new NotFound("conference"); // another bubble's guest, or no participant: as for nothing
        }
    }

    /**
     * Comes in, or waits in the lobby: an organizer comes in (starting the conference) and admits
     * whoever waits, in arrival order; anyone else comes in only while an organizer is in.
     */
    private Void enter(Change change) {
        EntityManager manager = change.manager();
        Bubble bubble = change.bubble();
        Participant me = change.me();
        Attendee mine = manager.find(Attendee.class, key(change));
        if (me.role().organizer()) {
            if (mine == null) {
                manager.persist(Attendee.arrived(bubble.id(), me.participantId(), Attendee.State.IN, bubble.arrive(), change.now()));
                change.raise(Kind.CONFERENCE_JOINED, me.participantId());
            }
            organizerCame(change, me);
        } else if (mine == null) {
            boolean open = organizerIn(manager, bubble.id());
            manager.persist(Attendee.arrived(bubble.id(), me.participantId(),
                    open ? Attendee.State.IN : Attendee.State.WAITING, bubble.arrive(), change.now()));
            change.raise(open ? Kind.CONFERENCE_JOINED : Kind.LOBBY_WAITING, me.participantId());
        }
        return null;
    }

    /**
     * An organizer is in the conference (come in, or promoted while in or waiting): the conference is
     * started, and whoever waits in the lobby comes in, in arrival order. Nothing for one not there.
     */
    static void organizerCame(Change change, Participant organizer) {
        EntityManager manager = change.manager();
        Bubble bubble = change.bubble();
        Attendee there = manager.find(Attendee.class, new Participant.Key(bubble.id(), organizer.participantId()));
        if (there == null) {
            return;
        }
        if (bubble.conferenceStarted().isEmpty()) {
            bubble.conferenceStarted(change.now());
            change.raise(Kind.CONFERENCE_STARTED);
        }
        if (!there.in()) {
            there.admit(); // promoted while waiting
            change.raise(Kind.LOBBY_ADMITTED, organizer.participantId());
        }
        for (Attendee waiting : attendees(manager, bubble.id(), Attendee.State.WAITING)) {
            waiting.admit();
            change.raise(Kind.LOBBY_ADMITTED, waiting.participantId());
        }
    }

    /**
     * Who is in and who waits, of those who take part now: a guest whose invitation ended is out
     * before the purge removes their row.
     */
    private State state(Found found, Instant now) {
        Bubble bubble = found.bubble();
        Participant me = found.me();
        Set<UUID> present = store.participants(found.region(), bubble.id());
        List<Attendee> all = managers.of(found.region()).createQuery("SELECT a FROM Attendee a WHERE a.bubbleId = :bubble"
                        + " ORDER BY a.arrival", Attendee.class)
                .setParameter("bubble", bubble.id())
                .getResultList().stream()
                .filter(attendee -> present.contains(attendee.participantId()))
                .toList();
        Optional<Attendee> mine = all.stream().filter(a -> a.participantId().equals(me.participantId())).findFirst();
        List<IceServer> ice = mine.filter(Attendee::in).map(a -> turn.issue(me.participantId(), now)).orElse(List.of());
        return new State(bubble.id(), bubble.conferenceStarted().isPresent(), all.stream().filter(Attendee::in).toList(),
                all.stream().filter(a -> !a.in()).toList(), mine, ice);
    }

    private static List<Attendee> attendees(EntityManager manager, UUID bubbleId, Attendee.State state) {
        return manager.createQuery("SELECT a FROM Attendee a WHERE a.bubbleId = :bubble AND a.state = :state"
                        + " ORDER BY a.arrival", Attendee.class)
                .setParameter("bubble", bubbleId)
                .setParameter("state", state)
                .getResultList();
    }

    private static boolean organizerIn(EntityManager manager, UUID bubbleId) {
        return manager.createQuery("SELECT COUNT(a) FROM Attendee a, Participant p WHERE a.bubbleId = :bubble"
                        + " AND p.bubbleId = a.bubbleId AND p.participantId = a.participantId AND a.state = :in"
                        + " AND p.role IN :organizers", Long.class)
                .setParameter("bubble", bubbleId)
                .setParameter("in", Attendee.State.IN)
                .setParameter("organizers", List.of(BubbleRole.OWNER, BubbleRole.CO_ORGANIZER))
                .getSingleResult() > 0;
    }

    private static Participant.Key key(Change change) {
        return new Participant.Key(change.bubble().id(), change.me().participantId());
    }
}
