package org.iris.messaging.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.iris.bubble.entity.BubbleEvent;
import org.iris.messaging.control.FileStore;
import org.iris.messaging.control.Posted;
import org.iris.network.entity.Presence;

/**
 * The wire format of the frames the server sends on {@code /ws}, where the sockets live (documented in {@code asyncapi.yaml}): JSON objects with
 * a {@code type}; an answer to a client's frame carries the client's {@code id}.
 */
public final class Frames {

    /** Looked up once: {@code Json.create...} would ask the class loaders for a provider on every call. */
    static final JsonProvider JSON = JsonProvider.provider();

    private Frames() {
    }

    public static JsonObject message(Posted posted) {
        JsonObjectBuilder message = JSON.createObjectBuilder()
                .add("id", posted.id().toString())
                .add("conversation", posted.conversationId().toString())
                .add("seq", posted.seq())
                .add("sender", posted.sender().toString())
                .add("clientId", posted.clientId())
                .add("sentAt", posted.sentAt().toInstant().toString())
                .add("deleted", posted.deleted());
        posted.body().ifPresent(body -> message.add("body", body));
        return message.build();
    }

    public static String posted(Posted posted) {
        return JSON.createObjectBuilder().add("type", posted.deleted() ? "deleted" : "message")
                .add("conversation", posted.conversationId().toString())
                .add("message", message(posted)).build().toString();
    }

    public static JsonObject file(FileStore.Shared file) {
        return JSON.createObjectBuilder().add("id", file.id().toString()).add("conversation", file.conversationId().toString())
                .add("uploader", file.uploader().toString()).add("name", file.name()).add("mediaType", file.mediaType())
                .add("size", file.size()).add("createdAt", file.createdAt().toInstant().toString()).build();
    }

    /** A file shared, or ({@code deleted}) deleted by its uploader. */
    public static String file(FileStore.Shared file, boolean deleted) {
        JsonObjectBuilder frame = JSON.createObjectBuilder().add("type", deleted ? "file-deleted" : "file")
                .add("conversation", file.conversationId().toString());
        if (deleted) {
            frame.add("file", file.id().toString());
        } else {
            frame.add("file", file(file));
        }
        return frame.build().toString();
    }

    public static String read(UUID conversation, UUID reader, long seq) {
        return JSON.createObjectBuilder().add("type", "read").add("conversation", conversation.toString())
                .add("reader", reader.toString()).add("seq", seq).build().toString();
    }

    public static String typing(UUID conversation, UUID from) {
        return JSON.createObjectBuilder().add("type", "typing").add("conversation", conversation.toString())
                .add("from", from.toString()).build().toString();
    }

    public static String presence(UUID user, Presence.Status status) {
        return JSON.createObjectBuilder().add("type", "presence").add("user", user.toString())
                .add("status", code(status)).build().toString();
    }

    public static String bubble(BubbleEvent event) {
        JsonObjectBuilder frame = JSON.createObjectBuilder().add("type", "bubble").add("event", code(event.kind()))
                .add("bubble", event.bubbleId().toString());
        event.participant().ifPresent(participant -> frame.add("participant", participant.toString()));
        return frame.build().toString();
    }

    public static String signal(UUID bubble, UUID from, JsonObject signal) {
        return JSON.createObjectBuilder().add("type", "signal").add("bubble", bubble.toString())
                .add("from", from.toString()).add("signal", signal).build().toString();
    }

    public static String ready(UUID user, Optional<UUID> guestOf, long expiresAt) {
        JsonObjectBuilder frame = JSON.createObjectBuilder().add("type", "ready").add("user", user.toString())
                .add("expiresAt", expiresAt);
        guestOf.ifPresent(bubble -> frame.add("bubble", bubble.toString()));
        return frame.build().toString();
    }

    public static String ack(String id, JsonObjectBuilder with) {
        return with.add("type", "ack").add("id", id).build().toString();
    }

    public static String ack(String id) {
        return ack(id, JSON.createObjectBuilder());
    }

    /** An error frame, in problem+json's words; {@code id} is empty when the frame had none. */
    public static String error(Optional<String> id, int status, String title, String detail) {
        JsonObjectBuilder frame = JSON.createObjectBuilder().add("type", "error").add("status", status)
                .add("title", title).add("detail", detail);
        id.ifPresent(value -> frame.add("id", value));
        return frame.build().toString();
    }

    static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
