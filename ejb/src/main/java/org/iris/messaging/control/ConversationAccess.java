package org.iris.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.iris.bubble.control.BubbleStore;
import org.iris.bubble.control.Visitor;
import org.iris.bubble.entity.Bubble;
import org.iris.messaging.entity.Conversation;
import org.iris.messaging.entity.Pair;
import org.iris.platform.control.Conflict;
import org.iris.platform.control.Forbidden;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.NotFound;
import org.iris.platform.entity.Region;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;
import org.iris.visibility.control.Parties;
import org.iris.visibility.control.Parties.Located;
import org.iris.visibility.control.Reach;

/**
 * Who reaches a conversation: the two accounts of a one-to-one conversation, those who take part in a
 * bubble now (guests in theirs only, while their invitation lasts), as {@link BubbleStore} says;
 * anyone else is told, like for an unknown id, that there is no such conversation. A change runs in
 * one transaction of the conversation's region under a lock of its row, so that its messages are
 * numbered without gaps or doubles whichever node takes them. Writing in a one-to-one conversation
 * asks the visibility rules again each time ({@link Reach.Way#WRITE}).
 */
@ApplicationScoped
public class ConversationAccess {

    /** A conversation as one who takes part acts on it, with everyone who takes part. */
    public record Opened(Conversation conversation, Region region, Optional<Pair> pair, Optional<Bubble> bubble,
                         Set<UUID> members) {

        /** @throws Conflict in an archived bubble, which is read-only */
        public void writable() {
            if (bubble.map(Bubble::archived).orElse(false)) {
                throw new Conflict("This bubble is archived: it is read-only.");
            }
        }
    }

    /** What a change does, in the conversation's transaction, its row locked. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Opened opened, EntityManager manager, Instant now);
    }

    /** Where conversations live, as they were found; at most {@value #MAX_HOMES}. */
    static final int MAX_HOMES = 100_000;
    private final Map<UUID, Region> homes = new ConcurrentHashMap<>();

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    @Inject
    BubbleStore bubbles;

    @Inject
    Parties parties;

    @Inject
    Reach reach;

    @Inject
    Clock clock;

    /**
     * The one-to-one conversation of the caller with that user, started if need be: only where the
     * visibility rules let the caller reach them by id ({@link Reach.Way#BY_ID}).
     *
     * @throws NotFound for an unknown user and one the caller may not reach, alike
     */
    public Opened direct(UUID me, UUID userId) {
        if (me.equals(userId)) {
            throw new InvalidRequest("A one-to-one conversation is with someone else.",
                    List.of(new InvalidRequest.FieldError("userId", "not your own id")));
        }
        Located caller = parties.find(me).orElseThrow(() -> new NotFound("user"));
        Located target = reach.find(caller, userId, Reach.Way.BY_ID).orElseThrow(() -> new NotFound("user"));
        Region home = Conversation.home(me, caller.account().region(), userId, target.account().region());
        Pair found = findDirect(home, me, userId).orElseGet(() -> {
            try {
                return transactions.commit(() -> {
                    Conversation started = Conversation.direct(clock.instant());
                    Pair two = Pair.of(started.id(), me, caller.account().region(), userId, target.account().region());
                    managers.of(home).persist(started);
                    managers.of(home).persist(two);
                    return two;
                });
            } catch (RuntimeException raced) {
                // both started it at once: the other's stands
                return findDirect(home, me, userId).orElseThrow(() -> raced);
            }
        });
        return new Opened(managers.of(home).find(Conversation.class, found.conversationId()), home, Optional.of(found),
                Optional.empty(), Set.of(me, userId));
    }

    private Optional<Pair> findDirect(Region home, UUID a, UUID b) {
        UUID low = Conversation.lower(a, b) ? a : b;
        UUID high = low.equals(a) ? b : a;
        return managers.of(home).createQuery("SELECT p FROM Pair p WHERE p.userLow = :low AND p.userHigh = :high", Pair.class)
                .setParameter("low", low).setParameter("high", high)
                .getResultStream().findFirst();
    }

    /** The regions where a conversation of this visitor's may live. */
    List<Region> regionsOf(Visitor visitor) {
        return visitor.guest() ? List.of(visitor.region()) : bubbles.reachable(visitor.region());
    }

    /**
     * The conversation for one who takes part in it, read without a lock.
     *
     * @throws NotFound for anyone else, alike to an unknown id
     */
    public Opened open(Visitor visitor, UUID id) {
        for (Region region : regionsOf(visitor)) {
            Conversation conversation = managers.of(region).find(Conversation.class, id);
            if (conversation != null) {
                return opened(visitor, conversation, region);
            }
        }
        throw new NotFound("conversation");
    }

    /**
     * The conversation, for one who may write in it now: who takes part, and in a one-to-one
     * conversation only while the rules let the two reach each other.
     *
     * @throws Forbidden in a one-to-one conversation whose peer the caller may no longer reach
     */
    public Opened openToWrite(Visitor visitor, UUID id) {
        Opened opened = open(visitor, id);
        mayWrite(visitor, opened);
        return opened;
    }

    /** @throws Forbidden in a one-to-one conversation whose peer the visitor may no longer reach */
    void mayWrite(Visitor visitor, Opened opened) {
        opened.pair().ifPresent(pair -> reach.write(visitor.id(), pair.peerOf(visitor.id())));
    }

    private Opened opened(Visitor visitor, Conversation conversation, Region region) {
        if (conversation.direct()) {
            Pair pair = managers.of(region).find(Pair.class, conversation.id());
            if (visitor.guest() || pair == null || !pair.has(visitor.id())) {
                throw new NotFound("conversation");
            }
            return new Opened(conversation, region, Optional.of(pair), Optional.empty(), new LinkedHashSet<>(pair.both()));
        }
        BubbleStore.Found bubble = bubbles.find(region, conversation.id(), visitor).orElseThrow(() -> new NotFound("conversation"));
        return new Opened(conversation, region, Optional.empty(), Optional.of(bubble.bubble()),
                bubbles.participants(region, conversation.id()));
    }

    /**
     * Runs the change in one transaction of the conversation's region, its row locked, for one who
     * takes part in it (asked again under the lock).
     */
    public <T> T change(Visitor visitor, UUID id, Work<T> work) {
        // where a conversation lives never changes: known once, it spares a read before the lock (whoever
        // takes part is still checked under it)
        Region region = homes.get(id);
        if (region == null) {
            region = open(visitor, id).region();
            if (homes.size() >= MAX_HOMES) {
                homes.clear();
            }
            homes.put(id, region);
        } else if (!takesPart(region, visitor, id)) {
            // whoever takes no part never holds the conversation's lock, nor waits behind it
            throw new NotFound("conversation");
        }
        Region home = region;
        return transactions.commit(() -> {
            EntityManager manager = managers.of(home);
            Conversation conversation = manager.find(Conversation.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (conversation == null) {
                throw new NotFound("conversation");
            }
            return work.apply(opened(visitor, conversation, home), manager, clock.instant());
        });
    }

    /** Whether the visitor takes part in the conversation of that region, read without a lock. */
    private boolean takesPart(Region region, Visitor visitor, UUID id) {
        Pair pair = visitor.guest() ? null : managers.of(region).find(Pair.class, id);
        return pair != null ? pair.has(visitor.id()) : bubbles.takingPart(region, id, visitor).isPresent();
    }

    /** Forgets where a conversation lived: it was deleted with its bubble. */
    void forget(UUID id) {
        homes.remove(id);
    }
}
