package org.iris.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A message, numbered in its conversation, its body sealed (nonce, AES-256-GCM ciphertext and tag)
 * under the conversation's data key {@code keyVersion}. Deleting it drops the body and keeps its place.
 */
@Entity
@Table(name = "message")
@IdClass(Message.Key.class)
public class Message {

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private UUID conversationId;
        private long seq;

        public Key() {
            // for JPA
        }

        public Key(UUID conversationId, long seq) {
            this.conversationId = conversationId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.seq == seq && Objects.equals(key.conversationId, conversationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(conversationId, seq);
        }
    }

    @Id
    @Column(name = "conversation_id")
    private UUID conversationId;

    @Id
    private long seq;

    @Column(nullable = false, unique = true)
    private UUID id;

    @Column(name = "sender_id", nullable = false)
    private UUID senderId;

    @Column(name = "client_id", nullable = false)
    private String clientId;

    @Column(name = "key_version")
    private Integer keyVersion;

    private byte[] body;

    @Column(name = "sent_at", nullable = false)
    private OffsetDateTime sentAt;

    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    protected Message() {
        // for JPA
    }

    public static Message sent(UUID conversationId, long seq, UUID id, UUID senderId, String clientId, int keyVersion,
            byte[] sealed, Instant now) {
        Message message = new Message();
        message.conversationId = conversationId;
        message.seq = seq;
        message.id = id;
        message.senderId = senderId;
        message.clientId = clientId;
        message.keyVersion = keyVersion;
        message.body = sealed.clone();
        message.sentAt = now.atOffset(ZoneOffset.UTC);
        return message;
    }

    public void delete(Instant now) {
        body = null;
        keyVersion = null;
        deletedAt = now.atOffset(ZoneOffset.UTC);
    }

    public UUID conversationId() {
        return conversationId;
    }

    public long seq() {
        return seq;
    }

    public UUID id() {
        return id;
    }

    public UUID senderId() {
        return senderId;
    }

    public String clientId() {
        return clientId;
    }

    /** The sealed body and the version of the data key that sealed it, unless the message was deleted. */
    public Optional<byte[]> sealed() {
        return Optional.ofNullable(body).map(byte[]::clone);
    }

    public int keyVersion() {
        return keyVersion == null ? 0 : keyVersion;
    }

    public OffsetDateTime sentAt() {
        return sentAt;
    }

    public Optional<OffsetDateTime> deletedAt() {
        return Optional.ofNullable(deletedAt);
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
