package org.iris.residency.control;

import org.iris.platform.entity.Region;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opaque secrets handed to a client, {@code <region>.<256 random bits>} (refresh tokens, invitation
 * links): the region says which database holds the secret's row (it is no secret itself); the random
 * part is the secret, stored only as the SHA-256 of the whole token.
 */
public final class RegionalTokens {

    /** A token taken apart: where its row lives and under which hash. */
    public record Parsed(Region region, String hash) {
    }

    private static final Pattern SHAPE = Pattern.compile("([a-z]{2,4})\\.([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RegionalTokens() {
    }

    public static String draw(Region region) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return region.key() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** @return empty for anything that is not a token of a known region */
    public static Optional<Parsed> parse(String token) {
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
}
