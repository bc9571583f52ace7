package org.iris.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.bubble.control.Visitor;
import org.iris.identity.control.Tenancy;
import org.iris.messaging.control.ConversationAccess.Opened;
import org.iris.messaging.entity.Conversation;
import org.iris.messaging.entity.SharedFile;
import org.iris.platform.control.Forbidden;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.NotFound;
import org.iris.platform.control.Refused;
import org.iris.platform.control.TooLarge;
import org.iris.platform.control.Unavailable;
import org.iris.platform.entity.Region;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;
import org.iris.visibility.control.Parties;
import org.iris.visibility.control.Parties.Located;

/**
 * Files of conversations (SPEC §6). An upload streams once: through clamd (INSTREAM) and, at the
 * same time, sealed under a new key into the region's incoming folder; only a clean verdict keeps
 * it (moved into place, then recorded). An infected file is refused naming what was found, and an
 * unreachable or silent clamd refuses it too (fail closed): either way nothing is kept. Without
 * {@code iris.clamd.host}, uploads are refused with a problem that says how to configure one.
 * Uploading and downloading need file sharing allowed for the caller (their licence, their
 * company's and their own restriction); guests may download, not upload.
 */
@ApplicationScoped
public class FileStore {

    public static final int MAX_NAME = 255;

    /** A file as a participant sees it. */
    public record Shared(UUID id, UUID conversationId, UUID uploader, String name, String mediaType, long size,
                         OffsetDateTime createdAt, OffsetDateTime scannedAt) {
    }

    /** A file on its way to a participant: what it is, its decrypted content, and who takes part. */
    public record Download(Shared file, InputStream content) {
    }

    @Inject
    ConversationAccess conversations;

    @Inject
    jakarta.enterprise.event.Event<Push> pushes;

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    @Inject
    DataKeys keys;

    @Inject
    BlobStore blobs;

    @Inject
    Parties parties;

    @Inject
    StorageQuota quota;

    @Inject
    UploadSlots slots;

    @Inject
    Tenancy tenancy;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "iris.files.max-bytes")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "iris.clamd.host")
    Optional<String> clamdHost;

    @Inject
    @ConfigProperty(name = "iris.clamd.port", defaultValue = "3310")
    int clamdPort;

    @Inject
    @ConfigProperty(name = "iris.clamd.timeout-seconds", defaultValue = "30")
    long clamdTimeout;

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Scans, seals and keeps the file, then records it and counts it toward its uploader's storage
     * quota ({@link StorageQuota}).
     *
     * @throws Refused (422) naming the signature clamd found, or what it could not look into
     * @throws Unavailable (503) when clamd is not configured, not reachable or does not answer, or the
     *     node runs its share of uploads ({@link UploadSlots})
     * @throws TooLarge beyond {@code iris.files.max-bytes}; {@link StorageFull} beyond the quota
     * @throws org.iris.platform.control.TooManyAttempts when the uploader runs their share of uploads
     */
    public Shared upload(Visitor visitor, UUID conversationId, String rawName, String rawType, InputStream content) {
        String name = name(rawName);
        String mediaType = mediaType(rawType);
        Opened opened = conversations.openToWrite(visitor, conversationId);
        Located uploader = allowSharing(visitor, "share files");
        opened.writable();
        Clamd clamd = clamd();
        StorageQuota.Owner owner = quota.owner(uploader.account());
        // a full quota is told before a slot is taken or clamd is asked
        try (StorageQuota.Lease lease = quota.lease(owner); UploadSlots.Slot slot = slots.take(visitor.id())) {
            Shared shared = scanAndKeep(visitor, opened, owner, clamd, name, mediaType, lease, content);
            lease.kept(shared.size());
            return shared;
        }
    }

    private Shared scanAndKeep(Visitor visitor, Opened opened, StorageQuota.Owner owner, Clamd clamd, String name,
                               String mediaType, StorageQuota.Lease lease, InputStream content) {
        UUID conversationId = opened.conversation().id();
        UUID fileId = UUID.randomUUID();
        SecretKey fileKey = Seal.newKey();
        Region region = opened.region();
        Path incoming = blobs.incoming(region, fileId);
        try {
            Counted counted;
            Clamd.Verdict verdict;
            try (OutputStream sealing = StreamSeal.sealing(fileKey, fileId, blobs.write(incoming))) {
                counted = new Counted(content, sealing, maxBytes, lease);
                verdict = clamd.scan(counted);
            } catch (Clamd.Unavailable e) {
                throw new Unavailable("scanner-unavailable",
                        "The virus scanner is not available now, so the file was not kept; try again later.");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (verdict.unscannable()) {
                throw new Refused("unscannable-file", "File not scannable", "The virus scanner could not look inside this file "
                        + "(encrypted, or past its limits): " + verdict.signature().orElseThrow() + "; it was not kept.");
            }
            if (!verdict.clean()) {
                throw new Refused("infected-file", "Infected file",
                        "The virus scanner found " + verdict.signature().orElseThrow() + " in this file; it was not kept.");
            }
            Instant scanned = clock.instant();
            String blob = blobs.keep(region, incoming, conversationId, fileId);
            boolean kept = false;
            try {
                SharedFile stored = transactions.commit(() -> {
                    EntityManager manager = managers.of(region);
                    if (manager.find(Conversation.class, conversationId, LockModeType.PESSIMISTIC_WRITE) == null) {
                        throw new NotFound("conversation");
                    }
                    // what may have changed while the file came: still taking part, still allowed, not archived
                    conversations.openToWrite(visitor, conversationId).writable();
                    allowSharing(visitor, "share files");
                    DataKeys.Current key = keys.current(manager, region, conversationId);
                    SharedFile file = SharedFile.clean(fileId, conversationId, visitor.id(),
                            Seal.seal(key.key(), name.getBytes(StandardCharsets.UTF_8), namePlace(fileId)), mediaType,
                            counted.count, key.version(), Seal.seal(key.key(), fileKey.getEncoded(), keyPlace(fileId)), blob,
                            scanned, "clamd " + clamdHost.orElseThrow() + ":" + clamdPort, owner.id(), clock.instant());
                    manager.persist(file);
                    pushes.fire(new Push.File(shared(file, name), false, opened.members()));
                    return file;
                });
                kept = true;
                return shared(stored, name);
            } finally {
                if (!kept) {
                    blobs.delete(region, blob);
                }
            }
        } finally {
            blobs.delete(incoming);
        }
    }

    /** The files of the conversation, newest first. */
    public List<Shared> list(Visitor visitor, UUID conversationId) {
        Opened opened = conversations.open(visitor, conversationId);
        EntityManager manager = managers.of(opened.region());
        return manager.createQuery("SELECT f FROM SharedFile f WHERE f.conversationId = :conversation ORDER BY f.createdAt DESC",
                        SharedFile.class).setParameter("conversation", conversationId).setMaxResults(Messages.MAX_PAGE)
                .getResultList().stream().map(file -> shared(file, name(manager, opened.region(), file))).toList();
    }

    /**
     * The file's content, decrypted as it is read, once its scan record and its stored size agree.
     *
     * @throws Forbidden where file sharing is not allowed to the caller
     */
    public Download download(Visitor visitor, UUID conversationId, UUID fileId) {
        Opened opened = conversations.open(visitor, conversationId);
        if (!visitor.guest()) {
            allowSharing(visitor, "receive files");
        }
        EntityManager manager = managers.of(opened.region());
        SharedFile file = find(manager, conversationId, fileId);
        try {
            if (file.scannedAt() == null || !file.scanner().startsWith("clamd ")
                    || blobs.size(opened.region(), file.blob()) != StreamSeal.sealedSize(file.size())) {
                throw new IllegalStateException("A stored file does not match its scan record");
            }
            SecretKey dataKey = keys.version(manager, opened.region(), conversationId, file.keyVersion());
            SecretKey fileKey = Seal.key(Seal.open(dataKey, file.sealedKey(), keyPlace(fileId)));
            InputStream content = StreamSeal.opening(fileKey, fileId, blobs.read(opened.region(), file.blob()));
            return new Download(shared(file, name(manager, opened.region(), file)), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes a file its uploader attached (SPEC §6): its record, then its content.
     *
     * @throws Forbidden for anyone but the uploader
     */
    public void delete(Visitor visitor, UUID conversationId, UUID fileId) {
        Opened opened = conversations.open(visitor, conversationId);
        opened.writable();
        Region region = opened.region();
        SharedFile removed = transactions.commit(() -> {
            EntityManager manager = managers.of(region);
            SharedFile file = find(manager, conversationId, fileId);
            if (!file.uploaderId().equals(visitor.id())) {
                throw new Forbidden("Only the one who attached a file can delete it.");
            }
            manager.remove(file);
            pushes.fire(new Push.File(new Shared(file.id(), conversationId, file.uploaderId(), "", file.mediaType(), file.size(),
                    file.createdAt(), file.scannedAt()), true, opened.members()));
            return file;
        });
        blobs.delete(region, removed.blob());
        removed.quotaOwner().ifPresent(owner -> quota.count(owner, -removed.size()));
    }

    private SharedFile find(EntityManager manager, UUID conversationId, UUID fileId) {
        SharedFile file = manager.find(SharedFile.class, fileId);
        if (file == null || !file.conversationId().equals(conversationId)) {
            throw new NotFound("file");
        }
        return file;
    }

    /** @return the account, where its file sharing is allowed */
    private Located allowSharing(Visitor visitor, String what) {
        Optional<Located> allowed = visitor.guest() ? Optional.empty() : parties.find(visitor.id())
                .filter(located -> tenancy.terms(located.account()).fileSharingAllowed());
        return allowed.orElseThrow(() -> new Forbidden(visitor.guest() ? "A guest may receive files, not share them."
                : "File sharing is not allowed to you: your licence, your company or its administrator forbids it, so you cannot "
                + what + "."));
    }

    private Clamd clamd() {
        String host = clamdHost.filter(value -> !value.isBlank()).orElseThrow(() -> new Unavailable("scanner-not-configured",
                "Files cannot be shared here: every file is scanned for viruses first, and no virus scanner is configured. "
                        + "An administrator sets iris.clamd.host (and iris.clamd.port, 3310 by default) to a clamd that listens on TCP."));
        return new Clamd(host, clamdPort, Duration.ofSeconds(clamdTimeout));
    }

    private String name(EntityManager manager, Region region, SharedFile file) {
        SecretKey key = keys.version(manager, region, file.conversationId(), file.keyVersion());
        return new String(Seal.open(key, file.sealedName(), namePlace(file.id())), StandardCharsets.UTF_8);
    }

    private static Shared shared(SharedFile file, String name) {
        return new Shared(file.id(), file.conversationId(), file.uploaderId(), name, file.mediaType(), file.size(),
                file.createdAt(), file.scannedAt());
    }

    static String namePlace(UUID fileId) {
        return "iris:file-name:" + fileId;
    }

    static String keyPlace(UUID fileId) {
        return "iris:file-key:" + fileId;
    }

    /** A file's name: 1 to 255 characters, no path, no control characters. */
    static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        boolean bad = name.isEmpty() || name.length() > MAX_NAME || name.contains("/") || name.contains("\\")
                || name.equals(".") || name.equals("..") || name.chars().anyMatch(Character::isISOControl);
        if (bad) {
            throw new InvalidRequest("A file needs a name of 1 to " + MAX_NAME + " characters, without a path.",
                    List.of(new InvalidRequest.FieldError("filename", "1 to " + MAX_NAME + " characters, no path")));
        }
        return name;
    }

    /** The media type the client gave, if it looks like one; else {@code application/octet-stream}. */
    static String mediaType(String raw) {
        String type = raw == null ? "" : raw.strip().toLowerCase(java.util.Locale.ROOT);
        int parameters = type.indexOf(';');
        if (parameters >= 0) {
            type = type.substring(0, parameters).strip();
        }
        return type.matches("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}") ? type : "application/octet-stream";
    }

    /**
     * The upload as clamd reads it: each chunk also goes, sealed, to the incoming file, and the bytes
     * are counted against the limit. Its own failures are unchecked, so that clamd's client, which
     * takes any {@link IOException} for the scanner's, does not blame clamd for them.
     */
    private static final class Counted extends FilterInputStream {
        private final OutputStream copy;
        private final long limit;
        private final StorageQuota.Lease lease;
        long count;

        Counted(InputStream in, OutputStream copy, long limit, StorageQuota.Lease lease) {
            super(in);
            this.copy = copy;
            this.limit = limit;
            this.lease = lease;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) {
            int n = next(bytes, offset, length);
            if (n > 0) {
                count += n;
                if (count > limit) {
                    throw new TooLarge("A file holds at most " + limit + " bytes.");
                }
                if (!lease.take(n)) {
                    throw new StorageFull(lease.quotaBytes());
                }
                try {
                    copy.write(bytes, offset, n);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return n;
        }

        private int next(byte[] bytes, int offset, int length) {
            try {
                return super.read(bytes, offset, length);
            } catch (IOException cut) {
                // the client's side, not clamd's: told apart from a scanner that is away
                throw new InvalidRequest("The upload was cut off before its end; nothing was kept.");
            }
        }

    }
}
