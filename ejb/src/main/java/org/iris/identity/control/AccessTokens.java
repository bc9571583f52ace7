package org.iris.identity.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.identity.entity.Account;
import org.iris.platform.entity.Caller;
import org.iris.platform.control.SigningKeys;
import org.iris.platform.entity.GuestRole;
import org.iris.platform.entity.Roles;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues the short-lived RS256 access tokens that every API call carries and {@link BearerTokens}
 * verifies: {@code iss}, {@code sub} (account id), {@code aud}, {@code iat}, {@code exp}, {@code jti},
 * {@code groups} (roles), {@code company}, {@code region}, {@code gen}, the account's token
 * generation, which revocation compares, and {@code sid}, the session, which a logout ends.
 */
@ApplicationScoped
public class AccessTokens {

    public static final String COMPANY = Caller.COMPANY_CLAIM;
    public static final String REGION = Caller.REGION_CLAIM;
    public static final String GENERATION = "gen";
    /** The session (refresh-token family) the token was issued in: a logout ends all its access tokens. */
    public static final String SESSION = "sid";

    /** An access token and what the client needs to know of it. */
    public record Issued(String token, String jti, Instant expiresAt) {
    }

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    List<String> audiences;

    @Inject
    @ConfigProperty(name = "iris.token.access-ttl-seconds")
    long ttlSeconds;

    @Inject
    SigningKeys keys;

    /** The {@code iss} of Iris's tokens, which it accepts and no other. */
    public String issuer() {
        return issuer;
    }

    /** The {@code aud} of Iris's tokens; a token for none of them is not for Iris. */
    public List<String> audiences() {
        return audiences;
    }

    public Duration ttl() {
        return Duration.ofSeconds(ttlSeconds);
    }

    public Issued issue(Account account, UUID session, Instant now) {
        String jti = UUID.randomUUID().toString();
        Instant expires = now.plus(ttl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(account.id().toString())
                .audience(audiences)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(jti)
                .claim("groups", List.copyOf(account.roles()))
                .claim(COMPANY, account.companyId().toString())
                .claim(REGION, account.region().name())
                .claim(GENERATION, account.tokenGeneration())
                .claim(SESSION, session.toString())
                .build();
        return sign(claims, jti, expires);
    }

    /**
     * A guest's token: its subject is the guest (no account), its only role {@link Roles#GUEST}, its
     * {@code scope} claims (a bubble, its region) say what it opens; as short-lived as an access token.
     */
    public Issued issueGuest(UUID guest, Map<String, String> scope, Instant now) {
        String jti = UUID.randomUUID().toString();
        Instant expires = now.plus(ttl());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(guest.toString())
                .audience(audiences)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(jti)
                .claim("groups", List.of(GuestRole.NAME));
        scope.forEach(claims::claim);
        return sign(claims.build(), jti, expires);
    }

    private Issued sign(JWTClaimsSet claims, String jti, Instant expires) {
        SigningKeys.Ring ring = keys.current();
        SignedJWT jwt = new SignedJWT(ring.header(), claims);
        try {
            jwt.sign(ring.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing an access token failed", e);
        }
        return new Issued(jwt.serialize(), jti, expires);
    }
}
