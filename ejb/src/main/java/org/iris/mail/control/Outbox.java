package org.iris.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Language;
import org.iris.mail.entity.OutboxMail;
import org.iris.mail.entity.OutboxMail.Lane;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts a mail in the outbox of a region, in the caller's transaction there; {@code MailDispatcher}
 * sends it. What is stored is the template and its values, rendered when the mail goes.
 */
@ApplicationScoped
public class Outbox {

    /** Looked up once: {@code Json.create...} searches the class path on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    Clock clock;

    /** A notice (an invitation, say), tried for as long as it is of use. */
    public void enqueue(EntityManager region, EmailAddress to, String template, Language language,
                        Map<String, Object> values, Duration validity) {
        region.persist(OutboxMail.of(to.value(), Lane.NOTICE, template, null, language.code(), write(values),
                clock.instant(), validity));
    }

    /**
     * A mail someone waits for right now, whose content the {@link DeferredMail} that handles
     * {@code kind} decides when it is sent; tried for {@code validity} at most.
     */
    public void defer(EntityManager region, EmailAddress to, String kind, Language language, Map<String, Object> values,
                      Duration validity) {
        Instant now = clock.instant();
        // a newer request replaces one not yet sent: sent newest first, the older one would arrive
        // last with a PIN the newer one had already replaced
        region.createQuery("DELETE FROM OutboxMail m WHERE m.recipient = :to AND m.deferred = :kind"
                        + " AND m.status = :pending AND (m.claimedUntil IS NULL OR m.claimedUntil < :now)")
                .setParameter("to", to.value())
                .setParameter("kind", kind)
                .setParameter("pending", OutboxMail.Status.PENDING)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        region.persist(OutboxMail.of(to.value(), Lane.PIN, null, kind, language.code(), write(values), now, validity));
    }

    /**
     * A notice whose content the {@link DeferredMail} that handles {@code kind} decides when it is
     * sent (so that what it carries never waits in the outbox), beside any other of its kind.
     */
    public void deferNotice(EntityManager region, EmailAddress to, String kind, Language language, Map<String, Object> values,
                            Duration validity) {
        region.persist(OutboxMail.of(to.value(), Lane.NOTICE, null, kind, language.code(), write(values), clock.instant(),
                validity));
    }

    public static String write(Map<String, Object> values) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        values.forEach((name, value) -> {
            if (value instanceof Integer || value instanceof Long) {
                object.add(name, ((Number) value).longValue());
            } else {
                object.add(name, String.valueOf(value));
            }
        });
        return object.build().toString();
    }

    public static Map<String, Object> read(String values) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (values == null) {
            return map;
        }
        try (var reader = JSON.createReader(new StringReader(values))) {
            JsonObject object = reader.readObject();
            object.forEach((name, value) -> map.put(name, switch (value.getValueType()) {
                case STRING -> ((JsonString) value).getString();
                case NUMBER -> ((JsonNumber) value).longValue();
                default -> value.toString();
            }));
        }
        return map;
    }
}
