package org.iris.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.iris.bubble.control.BubbleStore;
import org.iris.bubble.control.Visitor;
import org.iris.bubble.entity.Attendee;
import org.iris.bubble.entity.Bubble;
import org.iris.bubble.entity.Participant;
import org.iris.messaging.entity.Conversation;
import org.iris.messaging.entity.Message;
import org.iris.messaging.entity.Pair;
import org.iris.messaging.entity.Reader;
import org.iris.platform.control.Conflict;
import org.iris.platform.control.Forbidden;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.NotFound;
import org.iris.platform.entity.Region;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;
import org.iris.visibility.control.Parties;
import org.iris.visibility.control.Parties.Located;
import org.iris.visibility.control.VisibilityRules;
import org.iris.visibility.control.VisibilityRules.Invite;

/**
 * Conversations and their messages, for whoever takes part: the two accounts of a one-to-one
 * conversation, the participants of a bubble (guests in theirs only). Anyone else is told, like for
 * an unknown id, that there is no such conversation. Each change runs in one transaction of the
 * conversation's region, under a lock of its row, so that its messages are numbered without gaps or
 * doubles whichever node takes them. Bodies are sealed with the conversation's data key.
 *
 * <p>Used by the REST boundary and by the WebSocket endpoint alike; both have verified the token.
 */
@ApplicationScoped
public class ConversationStore {

    /** The longest message body, in characters. */
    public static final int MAX_BODY = 8000;
    /** The longest client id of a message. */
    public static final int MAX_CLIENT_ID = 64;
    public static final int MAX_PAGE = 100;

    /** A conversation as one who takes part acts on it, with everyone who takes part. */
    public record Opened(Conversation conversation, Region region, Optional<Pair> pair, Optional<Bubble> bubble,
                         Set<UUID> members) {
    }

    /** A message sent, with whom it goes to; {@code fresh} is false for a resend of the same client id. */
    public record Sent(Posted message, Set<UUID> recipients, boolean fresh) {
    }

    /** One page of a conversation's messages, newest first, and the cursor of the next (older) page. */
    public record History(List<Posted> messages, Optional<Long> before) {
    }

    /** A conversation in the list of one of its members: how far they read. */
    public record Listed(Conversation conversation, Region region, Optional<Pair> pair, Optional<Bubble> bubble,
                         long readSeq) {
    }

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    @Inject
    BubbleStore bubbles;

    @Inject
    Parties parties;

    @Inject
    DataKeys keys;

    @Inject
    Clock clock;

    /**
     * The one-to-one conversation of the caller with that user, started if need be: only where the
     * visibility rules let the caller invite them from search, or they are in the caller's network.
     *
     * @throws Forbidden where the rules do not let them meet
     */
    public Opened direct(UUID me, UUID userId) {
        if (me.equals(userId)) {
            throw new InvalidRequest("A one-to-one conversation is with someone else.",
                    List.of(new InvalidRequest.FieldError("userId", "not your own id")));
        }
        Located caller = parties.find(me).orElseThrow(() -> new NotFound("user"));
        Located target = mayWrite(me, userId);
        Region home = Conversation.home(me, caller.account().region(), userId, target.account().region());
        Set<UUID> pair = Set.of(me, userId);
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
                Optional.empty(), pair);
    }

    /**
     * Whether the visibility rules let the caller write to that user now: the rules of invitations
     * (SPEC §3), asked again for every message, since a network or a company's mode may have changed
     * since the conversation began. The two refusals are one, so that they tell nothing of the user.
     *
     * @throws Forbidden where they may not
     */
    private Located mayWrite(UUID me, UUID userId) {
        Located caller = parties.find(me).orElseThrow(() -> new NotFound("user"));
        Located target = parties.find(userId).orElseThrow(() -> new NotFound("user"));
        var relation = parties.relation(caller.party(), target.party());
        Invite invite = VisibilityRules.decide(caller.party(), target.party(), relation).invite();
        if (invite == Invite.NO || caller.account().region().separatedFrom(target.account().region())
                || (invite == Invite.BY_EMAIL && !relation.inNetwork())) {
            throw new Forbidden("The visibility rules do not let you write to this user: invite them to your network first.");
        }
        return target;
    }

    private Optional<Pair> findDirect(Region home, UUID a, UUID b) {
        UUID low = Conversation.lower(a, b) ? a : b;
        UUID high = low.equals(a) ? b : a;
        return managers.of(home).createQuery("SELECT p FROM Pair p WHERE p.userLow = :low AND p.userHigh = :high", Pair.class)
                .setParameter("low", low).setParameter("high", high)
                .getResultStream().findFirst();
    }

    /**
     * The conversation for one who takes part in it, read without a lock.
     *
     * @throws NotFound for anyone else, alike to an unknown id
     */
    public Opened open(Visitor visitor, UUID id) {
        List<Region> regions = visitor.guest() ? List.of(visitor.region()) : bubbles.reachable(visitor.region());
        for (Region region : regions) {
            Conversation conversation = managers.of(region).find(Conversation.class, id);
            if (conversation != null) {
                return opened(visitor, conversation, region, managers.of(region));
            }
        }
        throw new NotFound("conversation");
    }

    private Opened opened(Visitor visitor, Conversation conversation, Region region, EntityManager manager) {
        if (conversation.direct()) {
            Pair pair = manager.find(Pair.class, conversation.id());
            if (visitor.guest() || pair == null || !pair.has(visitor.id())) {
                throw new NotFound("conversation");
            }
            return new Opened(conversation, region, Optional.of(pair), Optional.empty(), new LinkedHashSet<>(pair.both()));
        }
        if (visitor.guest() && !visitor.guestOf().orElseThrow().equals(conversation.id())) {
            throw new NotFound("conversation");
        }
        Bubble bubble = manager.find(Bubble.class, conversation.id());
        if (bubble == null || manager.find(Participant.class, new Participant.Key(bubble.id(), visitor.id())) == null) {
            throw new NotFound("conversation");
        }
        return new Opened(conversation, region, Optional.empty(), Optional.of(bubble), participants(manager, bubble.id()));
    }

    /** @throws Conflict in an archived bubble, which is read-only */
    public static void readOnlyIfArchived(Opened opened) {
        if (opened.bubble().map(Bubble::archived).orElse(false)) {
            throw new Conflict("This bubble is archived: it is read-only.");
        }
    }

    /** How far the visitor has read the conversation. */
    public long readSeq(Visitor visitor, Opened opened) {
        return Optional.ofNullable(managers.of(opened.region()).find(Reader.class, new Reader.Key(opened.conversation().id(),
                visitor.id()))).map(Reader::readSeq).orElse(0L);
    }

    /** Everyone who takes part in the bubble, accounts and guests. */
    public Set<UUID> participants(EntityManager manager, UUID bubbleId) {
        return new LinkedHashSet<>(manager.createQuery(
                        "SELECT p.participantId FROM Participant p WHERE p.bubbleId = :bubble", UUID.class)
                .setParameter("bubble", bubbleId).getResultList());
    }

    /** Everyone who takes part in the bubble of that region, read in a transaction of its own. */
    public Set<UUID> participants(Region region, UUID bubbleId) {
        return participants(managers.of(region), bubbleId);
    }

    /**
     * Sends a message: it is numbered and stored sealed before this returns. A resend with the same
     * client id answers the message stored the first time.
     *
     * @throws Conflict in an archived bubble, which is read-only
     */
    public Sent send(Visitor visitor, UUID id, String clientId, String body) {
        String text = body(body);
        String client = clientId(clientId);
        return change(visitor, id, (opened, manager, now) -> {
            readOnlyIfArchived(opened);
            opened.pair().ifPresent(pair -> mayWrite(visitor.id(), pair.peerOf(visitor.id())));
            Optional<Message> again = manager.createQuery("SELECT m FROM Message m WHERE m.conversationId = :conversation "
                            + "AND m.senderId = :sender AND m.clientId = :client", Message.class)
                    .setParameter("conversation", id).setParameter("sender", visitor.id()).setParameter("client", client)
                    .getResultStream().findFirst();
            if (again.isPresent()) {
                return new Sent(posted(manager, opened.region(), again.get()), opened.members(), false);
            }
            long seq = opened.conversation().next(now);
            DataKeys.Current key = keys.current(manager, opened.region(), id);
            UUID messageId = UUID.randomUUID();
            Message message = Message.sent(id, seq, messageId, visitor.id(), client, key.version(),
                    Seal.seal(key.key(), text.getBytes(StandardCharsets.UTF_8), place(id, messageId)), now);
            manager.persist(message);
            return new Sent(new Posted(messageId, id, seq, visitor.id(), client, message.sentAt(), Optional.of(text)),
                    opened.members(), true);
        });
    }

    /**
     * Deletes the caller's own last message of the conversation (SPEC §6): its body goes, its place
     * stays.
     *
     * @throws Conflict for any other message, or one already deleted
     */
    public Sent deleteLast(Visitor visitor, UUID id, UUID messageId) {
        return change(visitor, id, (opened, manager, now) -> {
            readOnlyIfArchived(opened);
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
            return new Sent(posted(manager, opened.region(), last), opened.members(), true);
        });
    }

    /** Marks the conversation read up to that message; answers whom to tell: those who take part if it moved, else none. */
    public Set<UUID> markRead(Visitor visitor, UUID id, long seq) {
        Opened opened = open(visitor, id);
        if (seq < 1 || seq > opened.conversation().lastSeq()) {
            throw new InvalidRequest("No message of this conversation has that number.",
                    List.of(new InvalidRequest.FieldError("seq", "between 1 and the last message's")));
        }
        boolean moved = transactions.commit(() -> {
            EntityManager manager = managers.of(opened.region());
            // the conversation's lock, since a first mark has no row of its own to lock yet
            manager.find(Conversation.class, id, LockModeType.PESSIMISTIC_WRITE);
            Reader reader = manager.find(Reader.class, new Reader.Key(id, visitor.id()));
            if (reader == null) {
                reader = Reader.of(id, visitor.id());
                manager.persist(reader);
            }
            return reader.readUpTo(seq, clock.instant());
        });
        return moved ? opened.members() : Set.of();
    }

    /** Messages older than {@code before} (all when empty), newest first. */
    public History history(Visitor visitor, UUID id, Optional<Long> before, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequest("A page holds 1 to " + MAX_PAGE + " messages.",
                    List.of(new InvalidRequest.FieldError("limit", "between 1 and " + MAX_PAGE)));
        }
        Opened opened = open(visitor, id);
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

    /** The caller's conversations in every region they may meet people of, the latest first. */
    public List<Listed> list(Visitor visitor) {
        List<Listed> listed = new ArrayList<>();
        List<Region> regions = visitor.guest() ? List.of(visitor.region()) : bubbles.reachable(visitor.region());
        for (Region region : regions) {
            EntityManager manager = managers.of(region);
            List<Conversation> mine = new ArrayList<>();
            if (visitor.guest()) {
                UUID bubble = visitor.guestOf().orElseThrow();
                if (manager.find(Participant.class, new Participant.Key(bubble, visitor.id())) != null) {
                    Optional.ofNullable(manager.find(Conversation.class, bubble)).ifPresent(mine::add);
                }
            } else {
                mine.addAll(manager.createQuery("SELECT c FROM Conversation c, Pair p WHERE c.id = p.conversationId "
                        + "AND (p.userLow = :me OR p.userHigh = :me)", Conversation.class)
                        .setParameter("me", visitor.id()).getResultList());
                mine.addAll(manager.createQuery("SELECT c FROM Conversation c, Participant p WHERE c.id = p.bubbleId "
                        + "AND p.participantId = :me", Conversation.class).setParameter("me", visitor.id()).getResultList());
            }
            for (Conversation conversation : mine) {
                Optional<Pair> pair = conversation.direct() ? Optional.ofNullable(manager.find(Pair.class, conversation.id()))
                        : Optional.empty();
                Optional<Bubble> bubble = conversation.direct() ? Optional.empty()
                        : Optional.ofNullable(manager.find(Bubble.class, conversation.id()));
                long read = Optional.ofNullable(manager.find(Reader.class, new Reader.Key(conversation.id(), visitor.id())))
                        .map(Reader::readSeq).orElse(0L);
                listed.add(new Listed(conversation, region, pair, bubble, read));
            }
        }
        listed.sort(Comparator.comparing((Listed l) -> l.conversation().lastAt()).reversed());
        return listed;
    }

    /**
     * Whether a WebRTC signal may go from the visitor to that participant: only between two who are
     * admitted (in, not waiting) to the bubble's conference.
     *
     * @throws NotFound for a bubble the visitor takes no part in
     * @throws Forbidden unless both are in its conference
     */
    public void signalling(Visitor visitor, UUID bubbleId, UUID to) {
        Region region = bubbles.locate(visitor, bubbleId);
        long in = managers.of(region).createQuery("SELECT COUNT(a) FROM Attendee a WHERE a.bubbleId = :bubble "
                        + "AND a.participantId IN (:me, :to) AND a.state = :in", Long.class)
                .setParameter("bubble", bubbleId).setParameter("me", visitor.id()).setParameter("to", to)
                .setParameter("in", Attendee.State.IN).getSingleResult();
        if (to.equals(visitor.id()) || in != 2) {
            throw new Forbidden("Signals go only between participants admitted to the same conference.");
        }
    }

    /** What a change does, in the conversation's transaction, its row locked. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Opened opened, EntityManager manager, Instant now);
    }

    private <T> T change(Visitor visitor, UUID id, Work<T> work) {
        // where a conversation lives never changes: known once, it spares a read before the lock (whoever
        // takes part is still checked under it)
        Region region = homes.get(id);
        if (region == null) {
            region = open(visitor, id).region();
            if (homes.size() >= MAX_HOMES) {
                homes.clear();
            }
            homes.put(id, region);
        } else if (!takesPart(managers.of(region), visitor, id)) {
            // whoever takes no part never holds the conversation's lock, nor waits behind it
            throw new NotFound("conversation");
        }
        return changeIn(region, visitor, id, work);
    }

    /** Whether the visitor takes part in the conversation of that region, read without a lock. */
    private static boolean takesPart(EntityManager manager, Visitor visitor, UUID id) {
        if (visitor.guest()) {
            return visitor.guestOf().orElseThrow().equals(id)
                    && manager.find(Participant.class, new Participant.Key(id, visitor.id())) != null;
        }
        Pair pair = manager.find(Pair.class, id);
        return pair != null ? pair.has(visitor.id()) : manager.find(Participant.class, new Participant.Key(id, visitor.id())) != null;
    }

    /** Where conversations live, as they were found; at most {@value #MAX_HOMES}. */
    private final java.util.Map<UUID, Region> homes = new java.util.concurrent.ConcurrentHashMap<>();
    static final int MAX_HOMES = 100_000;

    private <T> T changeIn(Region region, Visitor visitor, UUID id, Work<T> work) {
        return transactions.commit(() -> {
            EntityManager manager = managers.of(region);
            Conversation conversation = manager.find(Conversation.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (conversation == null) {
                throw new NotFound("conversation");
            }
            return work.apply(opened(visitor, conversation, region, manager), manager, clock.instant());
        });
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

    /** @throws InvalidRequest for an empty or too long body, or one with characters no text has */
    static String body(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequest("A message needs a body.", List.of(new InvalidRequest.FieldError("body", "required")));
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidRequest("A message holds at most " + MAX_BODY + " characters.",
                    List.of(new InvalidRequest.FieldError("body", "at most " + MAX_BODY + " characters")));
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean lone = Character.isHighSurrogate(c) ? i + 1 >= body.length() || !Character.isLowSurrogate(body.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (lone || (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
                throw new InvalidRequest("A message is text: no control characters, no lone surrogates.",
                        List.of(new InvalidRequest.FieldError("body", "text only")));
            }
        }
        return body;
    }

    /** A client's id for its message: 1 to 64 visible ASCII characters; a new one when none is given. */
    static String clientId(String clientId) {
        if (clientId == null) {
            return UUID.randomUUID().toString();
        }
        if (clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID || !clientId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidRequest("A client id is 1 to " + MAX_CLIENT_ID + " visible ASCII characters.",
                    List.of(new InvalidRequest.FieldError("clientId", "1 to " + MAX_CLIENT_ID + " visible ASCII characters")));
        }
        return clientId;
    }
}
