package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.residency.control.RegionalTokens;
import org.iris.platform.entity.Region;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens: {@link RegionalTokens}, so that a token says which region holds its row; their
 * lifetime, and the ending of a family or of all an account's tokens.
 */
@ApplicationScoped
public class RefreshTokens {

    @Inject
    @ConfigProperty(name = "iris.token.refresh-ttl-seconds")
    long ttlSeconds;

    @Inject
    @ConfigProperty(name = "iris.token.session-max-days")
    long sessionMaxDays;

    public Duration ttl() {
        return Duration.ofSeconds(ttlSeconds);
    }

    /** The longest a session (a family of refresh tokens) lasts from its login. */
    public Duration sessionMax() {
        return Duration.ofDays(sessionMaxDays);
    }

    public String draw(Region region) {
        return RegionalTokens.draw(region);
    }

    public Optional<RegionalTokens.Parsed> parse(String token) {
        return RegionalTokens.parse(token);
    }

    public static String hash(String token) {
        return RegionalTokens.hash(token);
    }

    /** Deletes every token of a family; runs in the caller's transaction in the region. */
    public void endFamily(EntityManager region, UUID familyId) {
        region.createQuery("DELETE FROM RefreshToken t WHERE t.familyId = :family")
                .setParameter("family", familyId)
                .executeUpdate();
    }

    /** Deletes every token of an account; runs in the caller's transaction in the region. */
    public void endAll(EntityManager region, UUID accountId) {
        region.createQuery("DELETE FROM RefreshToken t WHERE t.accountId = :account")
                .setParameter("account", accountId)
                .executeUpdate();
    }
}
