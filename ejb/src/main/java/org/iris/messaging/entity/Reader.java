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

/** How far one reader has read a conversation: up to and including {@code readSeq}. */
@Entity
@Table(name = "conversation_reader")
@IdClass(Reader.Key.class)
public class Reader {

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private UUID conversationId;
        private UUID readerId;

        public Key() {
            // for JPA
        }

        public Key(UUID conversationId, UUID readerId) {
            this.conversationId = conversationId;
            this.readerId = readerId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(key.conversationId, conversationId)
                    && Objects.equals(key.readerId, readerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(conversationId, readerId);
        }
    }

    @Id
    @Column(name = "conversation_id")
    private UUID conversationId;

    @Id
    @Column(name = "reader_id")
    private UUID readerId;

    @Column(name = "read_seq", nullable = false)
    private long readSeq;

    @Column(name = "read_at", nullable = false)
    private OffsetDateTime readAt;

    protected Reader() {
        // for JPA
    }

    public static Reader of(UUID conversationId, UUID readerId) {
        Reader reader = new Reader();
        reader.conversationId = conversationId;
        reader.readerId = readerId;
        reader.readAt = Instant.EPOCH.atOffset(ZoneOffset.UTC);
        return reader;
    }

    /** Moves the mark forward only; answers whether it moved. */
    public boolean readUpTo(long seq, Instant now) {
        if (seq <= readSeq) {
            return false;
        }
        readSeq = seq;
        readAt = now.atOffset(ZoneOffset.UTC);
        return true;
    }

    public long readSeq() {
        return readSeq;
    }
}
