package org.iris.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A file shared in a conversation, recorded once clamd found it clean: its sealed name, its key
 * (sealed with the conversation's data key), where its encrypted content lies, and its scan.
 */
@Entity
@Table(name = "conversation_file")
public class SharedFile {

    @Id
    private UUID id;

    @Column(name = "conversation_id", nullable = false)
    private UUID conversationId;

    @Column(name = "uploader_id", nullable = false)
    private UUID uploaderId;

    @Column(nullable = false)
    private byte[] name;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(nullable = false)
    private long size;

    @Column(name = "key_version", nullable = false)
    private int keyVersion;

    @Column(name = "file_key", nullable = false)
    private byte[] fileKey;

    @Column(nullable = false)
    private String blob;

    @Column(name = "scanned_at", nullable = false)
    private OffsetDateTime scannedAt;

    @Column(nullable = false)
    private String scanner;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** Whose storage quota it counts toward; none for files kept before quotas. */
    @Column(name = "quota_owner")
    private UUID quotaOwner;

    protected SharedFile() {
        // for JPA
    }

    /** A file that was scanned clean, by {@code scanner}, at {@code scannedAt}. */
    public static SharedFile clean(UUID id, UUID conversationId, UUID uploaderId, byte[] sealedName, String mediaType,
            long size, int keyVersion, byte[] sealedKey, String blob, Instant scannedAt, String scanner, UUID quotaOwner,
            Instant now) {
        SharedFile file = new SharedFile();
        file.id = id;
        file.conversationId = conversationId;
        file.uploaderId = uploaderId;
        file.name = sealedName.clone();
        file.mediaType = mediaType;
        file.size = size;
        file.keyVersion = keyVersion;
        file.fileKey = sealedKey.clone();
        file.blob = blob;
        file.scannedAt = scannedAt.atOffset(ZoneOffset.UTC);
        file.scanner = scanner;
        file.createdAt = now.atOffset(ZoneOffset.UTC);
        file.quotaOwner = quotaOwner;
        return file;
    }

    public UUID id() {
        return id;
    }

    public UUID conversationId() {
        return conversationId;
    }

    public UUID uploaderId() {
        return uploaderId;
    }

    public byte[] sealedName() {
        return name.clone();
    }

    public String mediaType() {
        return mediaType;
    }

    public long size() {
        return size;
    }

    public int keyVersion() {
        return keyVersion;
    }

    public byte[] sealedKey() {
        return fileKey.clone();
    }

    public String blob() {
        return blob;
    }

    public OffsetDateTime scannedAt() {
        return scannedAt;
    }

    public String scanner() {
        return scanner;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public java.util.Optional<UUID> quotaOwner() {
        return java.util.Optional.ofNullable(quotaOwner);
    }
}
