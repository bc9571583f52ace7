package org.iris.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs test tokens with key pairs made for this test run. Both are written, private halves
 * included, as the JWKS that the Iris under test signs with ({@code iris.jwt.keys.file}): the first
 * signs Iris's own tokens, the second stands for a rotated-out key that still verifies. The file
 * must exist before Iris is deployed: {@link #writeKeysFile()} writes it. Also makes the forgeries an
 * attacker would try.
 */
public final class Tokens {

    public static final String ISSUER = "iris";
    public static final String AUDIENCE = "iris";

    /** The built-in Default company, whose accounts live in EMEA. */
    public static final String DEFAULT_COMPANY = "00000000-0000-0000-0000-000000000001";

    public static final String CURRENT_KID = "it-current";
    public static final String PREVIOUS_KID = "it-previous";

    private static final KeyPair TRUSTED = rsaKeyPair();
    private static final KeyPair PREVIOUS = rsaKeyPair();
    private static final KeyPair STRANGER = rsaKeyPair();
    private static final Path KEYS = Path.of(System.getProperty("it.jwt.signing-keys", "target/it-jwt/signing-jwks.json"));

    /**
     * Writes the JWKS Iris signs with (the keys of this JVM's tests), before an Iris under test starts.
     *
     * @return where it is
     */
    public static synchronized Path writeKeysFile() {
        JWKSet keys = new JWKSet(List.of(jwk(TRUSTED, CURRENT_KID), jwk(PREVIOUS, PREVIOUS_KID)));
        try {
            Files.createDirectories(KEYS.toAbsolutePath().getParent());
            Files.writeString(KEYS, keys.toString(false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return KEYS.toAbsolutePath();
    }

    private Tokens() {
    }

    public static String superadmin() {
        return withRoles("superadmin");
    }

    /** A token of an account of the Default company holding these roles (the account need not exist). */
    public static String withRoles(String... roles) {
        return sign(claims(AUDIENCE, Duration.ofMinutes(5), roles), TRUSTED, CURRENT_KID);
    }

    /** A token of an account in a company, as Iris would issue it. */
    public static String forAccount(UUID account, UUID company, String region, String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(AUDIENCE, Duration.ofMinutes(5), roles))
                .subject(account.toString())
                .claim("company", company.toString())
                .claim("region", region)
                .build();
        return sign(claims, TRUSTED, CURRENT_KID);
    }

    /** Signed by the key that signed before the current one: still valid until it expires. */
    public static String signedByPreviousKey(String... roles) {
        return sign(claims(AUDIENCE, Duration.ofMinutes(5), roles), PREVIOUS, PREVIOUS_KID);
    }

    /** Signed by a key Iris does not trust, claiming to be Iris's current key. */
    public static String forged() {
        return sign(claims(AUDIENCE, Duration.ofMinutes(5), "superadmin"), STRANGER, CURRENT_KID);
    }

    public static String expired() {
        return sign(claims(AUDIENCE, Duration.ofMinutes(-10), "superadmin"), TRUSTED, CURRENT_KID);
    }

    public static String forIssuer(String issuer) {
        return sign(new JWTClaimsSet.Builder(claims(AUDIENCE, Duration.ofMinutes(5), "superadmin")).issuer(issuer).build(),
                TRUSTED, CURRENT_KID);
    }

    /** Issued ({@code iat}) or valid from ({@code nbf}) five minutes from now. */
    public static String fromTheFuture(boolean notBefore) {
        Date later = Date.from(Instant.now().plus(Duration.ofMinutes(5)));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(claims(AUDIENCE, Duration.ofMinutes(10), "superadmin"));
        return sign((notBefore ? claims.notBeforeTime(later) : claims.issueTime(later)).build(), TRUSTED, CURRENT_KID);
    }

    /** Signed by Iris's current key but naming a key id Iris does not have. */
    public static String withUnknownKeyId() {
        return sign(claims(AUDIENCE, Duration.ofMinutes(5), "superadmin"), TRUSTED, "it-unknown");
    }

    public static String forAudience(String audience) {
        return sign(claims(audience, Duration.ofMinutes(5), "superadmin"), TRUSTED, CURRENT_KID);
    }

    /** No signature at all: {@code "alg": "none"}. */
    public static String unsigned() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = url.encodeToString(claims(AUDIENCE, Duration.ofMinutes(5), "superadmin")
                .toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    /** HS256 with the public key as the HMAC secret: the classic algorithm-confusion forgery. */
    public static String hmacWithPublicKey() {
        try {
            JWSSigner signer = new MACSigner(TRUSTED.getPublic().getEncoded());
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                    claims(AUDIENCE, Duration.ofMinutes(5), "superadmin"));
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(String audience, Duration validFor, String... roles) {
        Instant now = Instant.now();
        Instant issued = validFor.isNegative() ? now.plus(validFor).minus(Duration.ofMinutes(5)) : now;
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(UUID.randomUUID().toString())
                .claim("upn", "tester@iris.test")
                .audience(audience)
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(now.plus(validFor)))
                .jwtID(UUID.randomUUID().toString())
                .claim("groups", List.of(roles))
                // as Iris issues them to an account of the Default company; forAccount() names another
                .claim("company", DEFAULT_COMPANY)
                .claim("region", "EMEA")
                .build();
    }

    private static String sign(JWTClaimsSet claims, KeyPair keys, String kid) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .type(com.nimbusds.jose.JOSEObjectType.JWT).keyID(kid).build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey jwk(KeyPair keys, String kid) {
        return new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                .privateKey((RSAPrivateKey) keys.getPrivate())
                .keyID(kid)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
