package org.iris.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.UUID;

/**
 * The bytes of files a company keeps (or a standalone user, alone), in every region together: in
 * {@code global}, since its files land in the regions of its conversations. Ids only.
 */
@Entity
@Table(name = "storage_usage")
public class StorageUsage {

    @Id
    @Column(name = "owner_id")
    private UUID ownerId;

    @Column(name = "used_bytes", nullable = false)
    private long usedBytes;

    @Version
    private long version;

    protected StorageUsage() {
        // for JPA
    }

    public static StorageUsage of(UUID ownerId) {
        StorageUsage usage = new StorageUsage();
        usage.ownerId = ownerId;
        return usage;
    }

    public long usedBytes() {
        return usedBytes;
    }

    /** Counts bytes kept (positive) or deleted (negative); never below nothing. */
    public void add(long bytes) {
        usedBytes = Math.max(0, usedBytes + bytes);
    }
}
