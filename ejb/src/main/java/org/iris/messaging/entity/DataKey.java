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
import java.util.UUID;

/** A conversation's data key, as stored: wrapped by the region's key-encryption key of {@code kekVersion}. */
@Entity
@Table(name = "conversation_key")
@IdClass(DataKey.Key.class)
public class DataKey {

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private UUID conversationId;
        private int version;

        public Key() {
            // for JPA
        }

        public Key(UUID conversationId, int version) {
            this.conversationId = conversationId;
            this.version = version;
        }

        public UUID conversationId() {
            return conversationId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.version == version && Objects.equals(key.conversationId, conversationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(conversationId, version);
        }
    }

    @Id
    @Column(name = "conversation_id")
    private UUID conversationId;

    @Id
    private int version;

    @Column(name = "kek_version", nullable = false)
    private int kekVersion;

    @Column(nullable = false)
    private byte[] wrapped;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected DataKey() {
        // for JPA
    }

    public static DataKey of(UUID conversationId, int version, int kekVersion, byte[] wrapped, Instant now) {
        DataKey key = new DataKey();
        key.conversationId = conversationId;
        key.version = version;
        key.kekVersion = kekVersion;
        key.wrapped = wrapped.clone();
        key.createdAt = now.atOffset(ZoneOffset.UTC);
        return key;
    }

    public UUID conversationId() {
        return conversationId;
    }

    public int version() {
        return version;
    }

    public int kekVersion() {
        return kekVersion;
    }

    public byte[] wrapped() {
        return wrapped.clone();
    }
}
