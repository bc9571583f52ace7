package org.iris.identity.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.platform.control.SigningKeys;
import org.iris.platform.control.Unauthenticated;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies the bearer access token of a request, from memory: the keys parsed once
 * ({@link SigningKeys}), the revocations held by {@link Revocations}. Accepted only: RS256 signed by a
 * key of the ring named by its {@code kid}, of type JWT if typed, no critical header; issued by
 * {@code mp.jwt.verify.issuer} for one of {@code mp.jwt.verify.audiences}; with an account id as
 * subject and a {@code jti}; not expired, issued or valid only in the future (beyond
 * {@code iris.token.clock-skew-seconds}); not revoked. Why a token is refused is never told beyond
 * "invalid" or "revoked". A token that passed is remembered (at most {@value #MAX_REMEMBERED}) with
 * the ring of keys that verified it: its next calls skip parsing and the signature, never the time and
 * revocation checks, and a changed ring verifies it again.
 */
@ApplicationScoped
public class BearerTokens {

    /** Longer tokens are refused unread: Iris's own are about 900 characters. */
    static final int MAX_LENGTH = 8192;
    /** Tokens verified lately, kept so that a client's next calls skip the signature check; emptied when full. */
    static final int MAX_REMEMBERED = 10_000;

    /** A token whose signature and claims were checked with that ring of keys. */
    private record Verified(AccessToken token, JWTClaimsSet claims, UUID account, SigningKeys.Ring ring) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    SigningKeys keys;

    @Inject
    Revocations revocations;

    @Inject
    Clock clock;

    /** Whose tokens these are: the issuer and audiences of those Iris issues. */
    @Inject
    AccessTokens issued;

    @Inject
    @ConfigProperty(name = "iris.token.clock-skew-seconds", defaultValue = "30")
    long skewSeconds;

    /**
     * @param compact the token as the {@code Authorization: Bearer} header carries it
     * @throws Unauthenticated when it is not a valid, current access token of Iris
     */
    public AccessToken verify(String compact) {
        if (compact == null || compact.isEmpty() || compact.length() > MAX_LENGTH) {
            throw invalid();
        }
        Instant now = clock.instant();
        SigningKeys.Ring ring = keys.current();
        Verified known = verified.get(compact);
        if (known == null || known.ring() != ring || !inTime(known.claims(), now)) {
            if (known != null) {
                verified.remove(compact);
            }
            known = check(compact, ring, now);
        }
        JWTClaimsSet claims = known.claims();
        if (revocations.revoked(known.account(), generation(claims), claims.getJWTID(), session(claims))) {
            throw new Unauthenticated("The token has been revoked; log in again.");
        }
        return known.token();
    }

    private Verified check(String compact, SigningKeys.Ring ring, Instant now) {
        Verified checked;
        try {
            SignedJWT jwt = SignedJWT.parse(compact);
            JWSHeader header = jwt.getHeader();
            if (!acceptable(header) || !jwt.verify(ring.verifier(header.getKeyID()).orElseThrow(BearerTokens::invalid))) {
                throw invalid();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            checked = new Verified(AccessToken.of(claims.getClaims(), compact), claims, account(claims, now), ring);
        } catch (Unauthenticated e) {
            throw e;
        } catch (ParseException | JOSEException | RuntimeException e) {
            throw invalid();
        }
        if (canonical(compact)) {
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(compact, checked);
        }
        return checked;
    }

    /**
     * Whether the signature is spelt as its bytes encode: base64url leaves spare bits that a holder of
     * a valid token could vary, and each spelling would take a place among the remembered tokens.
     */
    private static boolean canonical(String compact) {
        String signature = compact.substring(compact.lastIndexOf('.') + 1);
        return Base64URL.encode(new Base64URL(signature).decode()).toString().equals(signature);
    }

    private static boolean acceptable(JWSHeader header) {
        JOSEObjectType type = header.getType();
        return JWSAlgorithm.RS256.equals(header.getAlgorithm())
                && (type == null || JOSEObjectType.JWT.getType().equalsIgnoreCase(type.getType()))
                && (header.getCriticalParams() == null || header.getCriticalParams().isEmpty());
    }

    /** Checks what the claims say of the token's issuer, audience and time; returns its account. */
    private UUID account(JWTClaimsSet claims, Instant now) {
        List<String> audience = claims.getAudience();
        boolean valid = issued.issuer().equals(claims.getIssuer())
                && audience != null && audience.stream().anyMatch(issued.audiences()::contains)
                && inTime(claims, now)
                && claims.getJWTID() != null && !claims.getJWTID().isBlank();
        if (!valid) {
            throw invalid();
        }
        return UUID.fromString(Optional.ofNullable(claims.getSubject()).orElseThrow(BearerTokens::invalid));
    }

    /** Not expired, and neither issued nor valid only in the future, give or take the skew. */
    private boolean inTime(JWTClaimsSet claims, Instant now) {
        Duration skew = Duration.ofSeconds(skewSeconds);
        Date expires = claims.getExpirationTime();
        Date issuedAt = claims.getIssueTime();
        Date notBefore = claims.getNotBeforeTime();
        return expires != null && now.minus(skew).isBefore(expires.toInstant())
                && issuedAt != null && !issuedAt.toInstant().isAfter(now.plus(skew))
                && (notBefore == null || !notBefore.toInstant().isAfter(now.plus(skew)));
    }

    private static int generation(JWTClaimsSet claims) {
        Object value = claims.getClaim(AccessTokens.GENERATION);
        return value instanceof Number number ? number.intValue() : 0;
    }

    private static String session(JWTClaimsSet claims) {
        Object value = claims.getClaim(AccessTokens.SESSION);
        return value == null ? null : value.toString();
    }

    private static Unauthenticated invalid() {
        return new Unauthenticated("The access token is not valid.");
    }
}
