package org.iris.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs test tokens with a key pair made for this test run; its public half is written where the
 * Payara Micro under test looks for it ({@code mp.jwt.verify.publickey.location}), and Payara reads
 * it at the first token it verifies. Also makes the forgeries an attacker would try.
 */
public final class Tokens {

    public static final String ISSUER = "iris";
    public static final String AUDIENCE = "iris";

    private static final KeyPair TRUSTED = rsaKeyPair();
    private static final KeyPair STRANGER = rsaKeyPair();

    static {
        Path location = Path.of(System.getProperty("it.jwt.public-key", "target/it-jwt/public.pem"));
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(TRUSTED.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Files.createDirectories(location.getParent());
            Files.writeString(location, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Tokens() {
    }

    public static String superadmin() {
        return withRoles("superadmin");
    }

    public static String withRoles(String... roles) {
        return sign(claims(AUDIENCE, Duration.ofMinutes(5), roles), TRUSTED);
    }

    /** Signed by a key Iris does not trust. */
    public static String forged() {
        return sign(claims(AUDIENCE, Duration.ofMinutes(5), "superadmin"), STRANGER);
    }

    public static String expired() {
        return sign(claims(AUDIENCE, Duration.ofMinutes(-10), "superadmin"), TRUSTED);
    }

    public static String forAudience(String audience) {
        return sign(claims(audience, Duration.ofMinutes(5), "superadmin"), TRUSTED);
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
                .build();
    }

    private static String sign(JWTClaimsSet claims, KeyPair keys) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(com.nimbusds.jose.JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
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
