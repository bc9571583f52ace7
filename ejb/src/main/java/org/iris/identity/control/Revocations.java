package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.identity.entity.AccountRevocation;
import org.iris.identity.entity.RevokedToken;
import org.iris.residency.control.EntityManagers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which access tokens no longer count before they expire: those of an account issued before its
 * current generation, and those of a session ended at logout (or whose refresh token was stolen). Checked on every call, so never by a query:
 * each node holds the recent revocations in memory and reloads them from {@code global} every
 * {@code iris.token.revocation-refresh-seconds}; a revocation made on this node counts at once.
 * Only revocations younger than an access token's lifetime matter; older ones concern expired tokens.
 */
@ApplicationScoped
public class Revocations {

    private static final Logger LOG = Logger.getLogger(Revocations.class.getName());

    @Inject
    EntityManagers managers;

    @Inject
    AccessTokens tokens;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "iris.token.revocation-refresh-seconds")
    long refreshSeconds;

    private volatile Map<UUID, Integer> generations = Map.of();
    private volatile Map<String, Instant> ended = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;
    private final ReentrantLock loading = new ReentrantLock();

    /**
     * @param generation the token's {@code gen} claim; a token without one counts as generation 0
     * @param session the token's {@code sid} claim, if it has one
     */
    public boolean revoked(UUID account, int generation, String jti, String session) {
        reloadIfStale();
        Integer current = generations.get(account);
        return (current != null && generation < current) || (jti != null && ended.containsKey(jti))
                || (session != null && ended.containsKey(sessionKey(session)));
    }

    /**
     * Every access token of the session ends, until the last it issued would have expired; runs in
     * the caller's transaction on {@code global}.
     */
    public void revokeSession(UUID session) {
        revokeToken(sessionKey(session.toString()), clock.instant().plus(tokens.ttl()));
    }

    /** Sessions are kept among the ended token ids, under a prefix no token id has. */
    private static String sessionKey(String session) {
        return "session:" + session;
    }

    /** Every token of the account below this generation ends; runs in the caller's transaction on {@code global}. */
    public void revokeAccount(UUID account, int generation) {
        Instant now = clock.instant();
        var global = managers.global();
        AccountRevocation revocation = global.find(AccountRevocation.class, account);
        if (revocation == null) {
            global.persist(AccountRevocation.of(account, generation, now));
        } else {
            revocation.update(generation, now);
        }
        Map<UUID, Integer> next = new ConcurrentHashMap<>(generations);
        next.merge(account, generation, Math::max);
        generations = next;
    }

    /** One token ends until it expires; runs in the caller's transaction on {@code global}. */
    public void revokeToken(String jti, Instant expiresAt) {
        var global = managers.global();
        if (global.find(RevokedToken.class, jti) == null) {
            global.persist(RevokedToken.of(jti, expiresAt));
        }
        Map<String, Instant> next = new ConcurrentHashMap<>(ended);
        next.put(jti, expiresAt);
        ended = next;
    }

    private void reloadIfStale() {
        Instant now = clock.instant();
        if (now.isBefore(loadedAt.plusSeconds(refreshSeconds)) || !loading.tryLock()) {
            return;
        }
        try {
            Instant relevant = now.minus(tokens.ttl()).minus(Duration.ofMinutes(1));
            Map<UUID, Integer> nextGenerations = new ConcurrentHashMap<>();
            managers.global()
                    .createQuery("SELECT r FROM AccountRevocation r WHERE r.revokedAt > :since", AccountRevocation.class)
                    .setParameter("since", relevant.atOffset(ZoneOffset.UTC))
                    .getResultStream()
                    .forEach(r -> nextGenerations.put(r.accountId(), r.generation()));
            Map<String, Instant> nextEnded = new ConcurrentHashMap<>();
            managers.global()
                    .createQuery("SELECT t FROM RevokedToken t WHERE t.expiresAt > :now", RevokedToken.class)
                    .setParameter("now", now.atOffset(ZoneOffset.UTC))
                    .getResultStream()
                    .forEach(t -> nextEnded.put(t.jti(), t.expiresAt()));
            generations = nextGenerations;
            ended = nextEnded;
            loadedAt = now;
        } catch (RuntimeException e) {
            // Keep what we know: an outage of global must not let revoked tokens back in, nor lock everyone out.
            LOG.log(Level.WARNING, "Reloading token revocations failed; keeping the last known ones", e);
            loadedAt = now;
        } finally {
            loading.unlock();
        }
    }
}
