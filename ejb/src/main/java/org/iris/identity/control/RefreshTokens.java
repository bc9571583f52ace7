package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.residency.entity.Region;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opaque refresh tokens, {@code <region>.<256 random bits>}: the region says where the token's row
 * is (it is no secret), the random part is the secret, stored only as its SHA-256.
 */
@ApplicationScoped
public class RefreshTokens {

    /** A token taken apart: where its row lives and under which hash. */
    public record Parsed(Region region, String hash) {
    }

    private static final Pattern SHAPE = Pattern.compile("([a-z]{2,4})\\.([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "iris.token.refresh-ttl-seconds")
    long ttlSeconds;

    public Duration ttl() {
        return Duration.ofSeconds(ttlSeconds);
    }

    public String draw(Region region) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return region.key() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public Optional<Parsed> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(token.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            Region region = Region.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
            return Optional.of(new Parsed(region, hash(token.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
