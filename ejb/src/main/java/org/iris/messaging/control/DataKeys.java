package org.iris.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import org.iris.messaging.entity.DataKey;
import org.iris.platform.entity.Region;

/**
 * The data keys of conversations (envelope encryption): each conversation has its own AES-256 key,
 * stored wrapped by its region's key-encryption key ({@link MessageKeys}). Once the region's key is
 * rotated, a conversation's next message takes a new data key wrapped by the new one; the older data
 * keys stay and still open what they sealed. Unwrapped keys are kept in memory (at most
 * {@value #MAX_KEPT}), never stored.
 */
@ApplicationScoped
public class DataKeys {

    static final int MAX_KEPT = 10_000;

    /** A data key and its version in its conversation. */
    public record Current(int version, SecretKey key) {
    }

    @Inject
    MessageKeys keks;

    @Inject
    Clock clock;

    private final Map<DataKey.Key, SecretKey> kept = new ConcurrentHashMap<>();

    /**
     * The key that seals the conversation's new content; creates it where there is none yet or where
     * the region's key-encryption key changed. Call under the conversation's lock, in its transaction.
     */
    public Current current(EntityManager manager, Region region, UUID conversationId) {
        MessageKeys.Kek kek = keks.current(region);
        Latest known = latest.get(conversationId);
        if (known != null && known.kekVersion() >= kek.version()) {
            return known.key();
        }
        DataKey stored = manager.createQuery(
                        "SELECT k FROM DataKey k WHERE k.conversationId = :conversation ORDER BY k.version DESC", DataKey.class)
                .setParameter("conversation", conversationId)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
        // a key wrapped by a newer key-encryption key than this node's (a rotation other nodes have
        // already had) is used as it is: a node that has not restarted yet never goes back a version
        if (stored != null && stored.kekVersion() >= kek.version()) {
            Current found = new Current(stored.version(), unwrap(region, stored));
            // only a key read back from its row is remembered: a new one's transaction may yet roll back
            if (latest.size() >= MAX_KEPT) {
                latest.clear();
            }
            latest.put(conversationId, new Latest(found, stored.kekVersion()));
            return found;
        }
        int version = stored == null ? 1 : stored.version() + 1;
        SecretKey key = Seal.newKey();
        manager.persist(DataKey.of(conversationId, version, kek.version(),
                Seal.seal(kek.key(), key.getEncoded(), place(region, conversationId, version)), clock.instant()));
        return new Current(version, key);
    }

    /**
     * The newest data key of each conversation this node sealed with lately, and the key-encryption
     * key that wrapped it: a conversation's data keys are only ever added, so the newest stays the
     * newest until the region's key-encryption key changes (a restart with a new key file).
     */
    private record Latest(Current key, int kekVersion) {
    }

    private final Map<UUID, Latest> latest = new ConcurrentHashMap<>();

    /** The conversation's data key of that version. */
    public SecretKey version(EntityManager manager, Region region, UUID conversationId, int version) {
        SecretKey key = kept.get(new DataKey.Key(conversationId, version));
        if (key != null) {
            return key;
        }
        DataKey stored = manager.find(DataKey.class, new DataKey.Key(conversationId, version));
        if (stored == null) {
            throw new IllegalStateException("A data key of a conversation is missing");
        }
        return unwrap(region, stored);
    }

    /** Forgets the keys of a conversation whose rows are gone. */
    public void forget(UUID conversationId) {
        kept.keySet().removeIf(key -> conversationId.equals(key.conversationId()));
        latest.remove(conversationId);
    }

    private SecretKey unwrap(Region region, DataKey stored) {
        SecretKey key = Seal.key(Seal.open(keks.version(region, stored.kekVersion()), stored.wrapped(),
                place(region, stored.conversationId(), stored.version())));
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(new DataKey.Key(stored.conversationId(), stored.version()), key);
        return key;
    }

    /** A wrapped key opens only as the key of that conversation's version, in that region. */
    static String place(Region region, UUID conversationId, int version) {
        return "iris:data-key:" + region + ":" + conversationId + ":" + version;
    }
}
