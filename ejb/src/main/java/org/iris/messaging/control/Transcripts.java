package org.iris.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.bubble.control.Visitor;
import org.iris.bubble.entity.Bubble;
import org.iris.identity.control.Throttles;
import org.iris.identity.entity.Account;
import org.iris.identity.entity.Backoff;
import org.iris.mail.control.DeferredMail;
import org.iris.mail.control.Outbox;
import org.iris.messaging.control.ConversationAccess.Opened;
import org.iris.messaging.entity.Message;
import org.iris.platform.control.NotFound;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Language;
import org.iris.platform.entity.Region;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;
import org.iris.visibility.control.Parties;

/**
 * A conversation sent to one's own mailbox (SPEC §6, §10), in English or French: to the caller's
 * own address only, through the outbox, at most {@code iris.transcripts.max-per-hour} and
 * {@code .max-per-day} an account. The outbox holds only which conversation, up to which message;
 * the messages are opened and written into the mail when it is sent, so that no text waits in a
 * database column in clear. The newest {@value #MAX_MESSAGES} messages go, oldest first.
 */
@ApplicationScoped
public class Transcripts implements DeferredMail {

    static final String KIND = "conversation-transcript";
    static final int MAX_MESSAGES = 500;
    private static final Duration VALIDITY = Duration.ofDays(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    ConversationAccess conversations;

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    @Inject
    DataKeys keys;

    @Inject
    Parties parties;

    @Inject
    Outbox outbox;

    @Inject
    Throttles throttles;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "iris.transcripts.max-per-hour")
    int maxPerHour;

    @Inject
    @ConfigProperty(name = "iris.transcripts.max-per-day")
    int maxPerDay;

    /**
     * Queues the transcript of the conversation, up to its last message now, for the caller's address.
     *
     * @throws org.iris.platform.control.TooManyAttempts once the caller has asked for their share
     */
    public void request(Visitor visitor, UUID conversationId, Optional<Language> language) {
        Opened opened = conversations.open(visitor, conversationId);
        Account me = parties.find(visitor.id()).map(Parties.Located::account).orElseThrow(() -> new NotFound("user"));
        throttles.take(clock.instant(), "You have asked for too many conversations by mail; try again later.",
                new Throttles.Limit("transcripts-hour:" + visitor.id(), new Backoff(maxPerHour - 1, Duration.ofHours(1),
                        Duration.ofHours(1), Duration.ofHours(1))),
                new Throttles.Limit("transcripts-day:" + visitor.id(), new Backoff(maxPerDay - 1, Duration.ofDays(1),
                        Duration.ofDays(1), Duration.ofDays(1))));
        Map<String, Object> values = values(conversationId, opened.region(), visitor.id(), opened.conversation().lastSeq());
        transactions.run(() -> outbox.deferNotice(managers.of(me.region()), EmailAddress.of(me.email(), "email"), KIND,
                language.orElse(me.language()), values, VALIDITY));
    }

    /** What the outbox holds of a transcript: which conversation, where, for whom, up to which message; no text. */
    static Map<String, Object> values(UUID conversationId, Region region, UUID reader, long upTo) {
        return Map.of("conversation", conversationId.toString(), "region", region.name(), "reader", reader.toString(),
                "upTo", upTo);
    }

    @Override
    public boolean handles(String kind) {
        return KIND.equals(kind);
    }

    /** Opens the messages now; no mail where the reader no longer takes part in the conversation. */
    @Override
    public Optional<Content> prepare(String kind, EmailAddress to, Language language, Map<String, Object> values) {
        UUID conversationId = UUID.fromString(String.valueOf(values.get("conversation")));
        Region region = Region.valueOf(String.valueOf(values.get("region")));
        UUID reader = UUID.fromString(String.valueOf(values.get("reader")));
        long upTo = Long.parseLong(String.valueOf(values.get("upTo")));
        Opened opened;
        try {
            opened = conversations.open(new Visitor(reader, parties.find(reader).map(l -> l.account().region()).orElse(region),
                    Optional.empty()), conversationId);
        } catch (NotFound gone) {
            return Optional.empty();
        }
        EntityManager manager = managers.of(region);
        List<Message> newest = manager.createQuery("SELECT m FROM Message m WHERE m.conversationId = :conversation "
                        + "AND m.seq <= :upTo ORDER BY m.seq DESC", Message.class)
                .setParameter("conversation", conversationId).setParameter("upTo", upTo)
                .setMaxResults(MAX_MESSAGES).getResultList();
        List<Message> chronological = new ArrayList<>(newest);
        Collections.reverse(chronological);
        Map<UUID, String> names = new HashMap<>();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Message message : chronological) {
            String sender = names.computeIfAbsent(message.senderId(), id -> parties.find(id)
                    .map(l -> (l.account().name().first() + " " + l.account().name().last()).strip())
                    .orElse(language == Language.FR ? "Invité" : "Guest"));
            String text = message.sealed().map(sealed -> new String(Seal.open(keys.version(manager, region, conversationId,
                            message.keyVersion()), sealed, Messages.place(conversationId, message.id())), StandardCharsets.UTF_8))
                    .orElse(language == Language.FR ? "(message supprimé)" : "(message deleted)");
            lines.add(Map.of("at", TIME.format(message.sentAt()), "sender", sender, "text", text));
        }
        String title = opened.bubble().map(Bubble::name).orElseGet(() -> opened.pair()
                .flatMap(pair -> parties.find(pair.peerOf(reader)))
                .map(l -> (l.account().name().first() + " " + l.account().name().last()).strip()).orElse(""));
        Map<String, Object> content = new HashMap<>();
        content.put("title", title);
        content.put("messages", lines);
        content.put("count", lines.size());
        content.put("cut", upTo > lines.size() && newest.size() == MAX_MESSAGES);
        return Optional.of(new Content(KIND, language, content));
    }
}
