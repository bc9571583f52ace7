package org.iris.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.company.entity.Company;
import org.iris.identity.control.StorageUse;
import org.iris.identity.entity.Account;
import org.iris.messaging.entity.StorageUsage;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;

/**
 * How many bytes of files a company keeps, all its members' uploads in every region together, and a
 * standalone user alone (SPEC §6): at most {@code iris.files.quota.company-bytes} (10 GiB) and
 * {@code iris.files.quota.standalone-bytes} (1 GiB). The count lives in {@code global}
 * ({@link StorageUsage}), moved after each commit that keeps or deletes a file. An upload's bytes
 * count as they stream, with those of the owner's other uploads running on the same node, against
 * the latest count this node knows ({@link Lease}): uploads of one node together stay within it, and
 * each other node may pass it by what its uploads found left between two of its reads. A count that
 * could not be moved (a crash between an upload's commit and its count) is logged; no scan recounts
 * it yet. Kept in
 * memory here for {@code iris.token.revocation-refresh-seconds}, for {@code /users/me}.
 */
@ApplicationScoped
public class StorageQuota implements StorageUse {

    private static final Logger LOG = Logger.getLogger(StorageQuota.class.getName());
    static final int MAX_CACHED = 10_000;

    /** Whose quota an account's files count toward, and how large it is. */
    public record Owner(UUID id, long quotaBytes) {
    }

    private record Cached(long usedBytes, long readAt) {
    }

    @Inject
    @ConfigProperty(name = "iris.files.quota.company-bytes")
    long companyBytes;

    @Inject
    @ConfigProperty(name = "iris.files.quota.standalone-bytes")
    long standaloneBytes;

    @Inject
    @ConfigProperty(name = "iris.token.revocation-refresh-seconds")
    long refreshSeconds;

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    private final Map<UUID, Cached> cached = new ConcurrentHashMap<>();
    /** Bytes the uploads running on this node have streamed so far, by owner. */
    private final Map<UUID, AtomicLong> running = new ConcurrentHashMap<>();

    public Owner owner(Account account) {
        return Company.DEFAULT_ID.equals(account.companyId()) ? new Owner(account.id(), standaloneBytes)
                : new Owner(account.companyId(), companyBytes);
    }

    @Override
    public Storage of(Account account) {
        Owner owner = owner(account);
        Cached known = cached.get(owner.id());
        long used = known != null && clock.millis() - known.readAt() < refreshSeconds * 1000 ? known.usedBytes() : read(owner.id());
        return new Storage(used, owner.quotaBytes());
    }

    private long read(UUID owner) {
        StorageUsage usage = managers.global().find(StorageUsage.class, owner);
        long used = usage == null ? 0 : usage.usedBytes();
        remember(owner, used);
        return used;
    }

    private void remember(UUID owner, long used) {
        if (cached.size() >= MAX_CACHED) {
            cached.clear();
        }
        cached.put(owner, new Cached(used, clock.millis()));
    }

    /**
     * An upload's hold on its owner's quota, from its first byte to its commit: the bytes it streamed
     * count, with those of the owner's other uploads running on this node, against what the quota had
     * left when it began.
     */
    public final class Lease implements AutoCloseable {
        private final Owner owner;
        private final long usedAtStart;
        private final AtomicLong running;
        private long taken;
        private long kept;

        private Lease(Owner owner, long usedAtStart, AtomicLong running) {
            this.owner = owner;
            this.usedAtStart = usedAtStart;
            this.running = running;
        }

        /**
         * Counts more bytes of the upload; false once they would take the owner past the quota (they are
         * not counted then), with what uploads of this node kept since this one began.
         */
        public boolean take(long bytes) {
            Cached latest = cached.get(owner.id());
            long used = Math.max(usedAtStart, latest == null ? 0 : latest.usedBytes());
            if (used + running.addAndGet(bytes) > owner.quotaBytes()) {
                running.addAndGet(-bytes);
                return false;
            }
            taken += bytes;
            return true;
        }

        public long quotaBytes() {
            return owner.quotaBytes();
        }

        /** The upload was committed with that many bytes. */
        public void kept(long bytes) {
            kept = bytes;
        }

        /** Frees what the upload took here, and counts what it kept in {@code global}. */
        @Override
        public void close() {
            running.addAndGet(-taken);
            if (kept > 0) {
                count(owner.id(), kept);
            }
        }
    }

    /**
     * A hold on the owner's quota for one upload, as {@code global} counts it now (read afresh).
     *
     * @throws StorageFull when nothing is left, before any byte is read
     */
    public Lease lease(Owner owner) {
        if (running.size() > MAX_CACHED) {
            // owners with nothing running; one that raced here counts alone until its upload ends
            running.values().removeIf(bytes -> bytes.get() == 0);
        }
        long used = read(owner.id());
        if (used >= owner.quotaBytes()) {
            throw new StorageFull(owner.quotaBytes());
        }
        return new Lease(owner, used, running.computeIfAbsent(owner.id(), id -> new AtomicLong()));
    }

    /** Counts bytes kept (positive) or deleted (negative) toward the owner, in {@code global}; a failure is logged, never the caller's. */
    public void count(UUID owner, long bytes) {
        for (int attempt = 1; ; attempt++) {
            try {
                remember(owner, transactions.commit(() -> added(owner, bytes)));
                return;
            } catch (RuntimeException e) {
                // two first uploads of one owner at once: the row exists now, count again once
                if (attempt == 2) {
                    LOG.log(Level.WARNING, "A storage count could not be moved by " + bytes + " bytes", e);
                    return;
                }
            }
        }
    }

    /** In the caller's transaction on {@code global}: the owner's count moved, and what it is now. */
    private long added(UUID owner, long bytes) {
        EntityManager global = managers.global();
        StorageUsage usage = global.find(StorageUsage.class, owner, LockModeType.PESSIMISTIC_WRITE);
        if (usage == null) {
            usage = StorageUsage.of(owner);
            global.persist(usage);
        }
        usage.add(bytes);
        return usage.usedBytes();
    }
}
