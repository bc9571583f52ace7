package org.iris.company.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What every authenticated profile read would otherwise query: a company's restrictions and the offer
 * of a member's licence, held on this node for {@code iris.token.revocation-refresh-seconds}. A change
 * made on this node empties it when it is flushed and again when its transaction ends
 * ({@link TermsChanges}), so this node never answers from before its own commit; a change made on
 * another node is seen here within that interval, as revocations are. A value read while a change was
 * under way is not kept.
 */
@ApplicationScoped
public class TermsCache {

    /** Past this many entries, the cache is emptied rather than grown. */
    static final int MAX_ENTRIES = 50_000;

    @Inject
    @ConfigProperty(name = "iris.token.revocation-refresh-seconds")
    long ttlSeconds;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final AtomicLong generation = new AtomicLong();
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    /** A value, until when it may be used, and the generation it was read in. */
    private record Entry(Object value, long expiresAt, long generation) {
    }

    /** A key of the cache: what is cached, for which id. */
    record Key(String kind, UUID id) {
    }

    /** The cached value, else the loaded one (kept unless a change happened meanwhile). */
    @SuppressWarnings("unchecked")
    <T> T get(String kind, UUID id, Supplier<T> load) {
        Key key = new Key(kind, id);
        long now = System.nanoTime();
        long current = generation.get();
        Entry cached = entries.get(key);
        if (cached != null && cached.generation() == current && now - cached.expiresAt() < 0) {
            return (T) cached.value();
        }
        T value = load.get();
        if (value != null && generation.get() == current) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            // put after a change began, it is of an older generation than the change: never used
            entries.put(key, new Entry(value, now + TimeUnit.SECONDS.toNanos(ttlSeconds), current));
        }
        return value;
    }

    /** Something a cached value came from is changing in the current transaction, if any. */
    void changing() {
        forget();
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE
                && transactions.getResource(TermsCache.class) == null) {
            transactions.putResource(TermsCache.class, Boolean.TRUE); // once per transaction
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    private void forget() {
        generation.incrementAndGet();
        entries.clear();
    }
}
