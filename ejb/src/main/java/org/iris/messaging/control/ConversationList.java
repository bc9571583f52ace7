package org.iris.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.iris.bubble.control.BubbleStore;
import org.iris.bubble.control.Visitor;
import org.iris.bubble.entity.Bubble;
import org.iris.messaging.entity.Conversation;
import org.iris.messaging.entity.Pair;
import org.iris.messaging.entity.Reader;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.entity.Region;
import org.iris.residency.control.EntityManagers;

/**
 * One's conversations, newest activity first, a page at a time, in every region one may meet people
 * of. The cursor is the last conversation of a page, by (last activity, id): a walk never shows a
 * conversation twice, and one that changes while the walk goes moves to the front, where the next
 * walk's first page shows it.
 */
@ApplicationScoped
public class ConversationList {

    public static final int MAX_PAGE = 100;
    /** Bubble ids per query: an IN list stays well below what a database binds. */
    static final int CHUNK = 1000;

    /** A conversation in the list of one of its members: how far they read. */
    public record Listed(Conversation conversation, Region region, Optional<Pair> pair, Optional<Bubble> bubble,
                         long readSeq) {
    }

    /** A page, and the cursor of the next one, none after the last. */
    public record Page(List<Listed> conversations, Optional<String> next) {
    }

    /** Where a page starts: after this activity and id. */
    record Cursor(OffsetDateTime lastAt, UUID id) {

        static final Cursor FIRST = new Cursor(OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), new UUID(-1L, -1L));

        String encode() {
            Instant at = lastAt.toInstant();
            ByteBuffer bytes = ByteBuffer.allocate(28).putLong(at.getEpochSecond()).putInt(at.getNano())
                    .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
        }

        static Cursor decode(String text) {
            try {
                ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(text));
                if (bytes.remaining() == 28) {
                    Instant at = Instant.ofEpochSecond(bytes.getLong(), bytes.getInt());
                    // what a page gave lies between 1970 and the first page's cursor; anything else is no cursor
                    if (!at.isBefore(Instant.EPOCH) && !at.isAfter(FIRST.lastAt().toInstant())) {
                        return new Cursor(at.atOffset(ZoneOffset.UTC), new UUID(bytes.getLong(), bytes.getLong()));
                    }
                }
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                // answered below
            }
            throw new InvalidRequest("after is the cursor a page of conversations gave as its next.",
                    List.of(new InvalidRequest.FieldError("after", "a cursor from the previous page")));
        }

        boolean after(Conversation conversation) {
            int at = conversation.lastAt().toInstant().compareTo(lastAt.toInstant());
            return at < 0 || (at == 0 && Conversation.ORDER.compare(conversation.id(), id) < 0);
        }
    }

    @Inject
    ConversationAccess access;

    @Inject
    EntityManagers managers;

    @Inject
    BubbleStore bubbles;

    /** A page of the visitor's conversations after {@code after} (from the newest when empty). */
    public Page list(Visitor visitor, Optional<String> after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequest("A page holds 1 to " + MAX_PAGE + " conversations.",
                    List.of(new InvalidRequest.FieldError("limit", "between 1 and " + MAX_PAGE)));
        }
        Cursor cursor = after.map(Cursor::decode).orElse(Cursor.FIRST);
        List<Found> found = new ArrayList<>();
        for (Region region : access.regionsOf(visitor)) {
            EntityManager manager = managers.of(region);
            if (!visitor.guest()) {
                page(manager.createQuery("SELECT c FROM Conversation c, Pair p WHERE c.id = p.conversationId"
                        + " AND (p.userLow = :me OR p.userHigh = :me)" + AFTER, Conversation.class)
                        .setParameter("me", visitor.id()), cursor, limit).forEach(c -> found.add(new Found(c, region)));
            }
            List<UUID> mine = bubbles.takingPartIn(region, visitor);
            for (int from = 0; from < mine.size(); from += CHUNK) {
                page(manager.createQuery("SELECT c FROM Conversation c WHERE c.id IN :ids" + AFTER, Conversation.class)
                        .setParameter("ids", mine.subList(from, Math.min(mine.size(), from + CHUNK))), cursor, limit)
                        .forEach(c -> found.add(new Found(c, region)));
            }
        }
        found.sort(Comparator.comparing((Found f) -> f.conversation().lastAt().toInstant())
                .thenComparing(Found::conversation, Comparator.comparing(Conversation::id, Conversation.ORDER)).reversed());
        List<Listed> page = new ArrayList<>();
        for (Found one : found.subList(0, Math.min(limit, found.size()))) {
            page.add(listed(visitor, one));
        }
        Optional<String> next = found.size() > limit
                ? Optional.of(new Cursor(page.get(limit - 1).conversation().lastAt(), page.get(limit - 1).conversation().id()).encode())
                : Optional.empty();
        return new Page(page, next);
    }

    private static final String AFTER = " AND (c.lastAt < :at OR (c.lastAt = :at AND c.id < :id)) ORDER BY c.lastAt DESC, c.id DESC";

    private record Found(Conversation conversation, Region region) {
    }

    private static List<Conversation> page(TypedQuery<Conversation> query, Cursor cursor, int limit) {
        return query.setParameter("at", cursor.lastAt()).setParameter("id", cursor.id()).setMaxResults(limit + 1)
                .getResultList().stream().filter(cursor::after).toList();
    }

    private Listed listed(Visitor visitor, Found found) {
        EntityManager manager = managers.of(found.region());
        Conversation conversation = found.conversation();
        Optional<Pair> pair = conversation.direct() ? Optional.ofNullable(manager.find(Pair.class, conversation.id()))
                : Optional.empty();
        Optional<Bubble> bubble = conversation.direct() ? Optional.empty()
                : bubbles.find(found.region(), conversation.id(), visitor).map(BubbleStore.Found::bubble);
        long read = Optional.ofNullable(manager.find(Reader.class, new Reader.Key(conversation.id(), visitor.id())))
                .map(Reader::readSeq).orElse(0L);
        return new Listed(conversation, found.region(), pair, bubble, read);
    }
}
