package org.iris.identity.control;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import org.iris.platform.control.SigningKeys;
import org.iris.platform.control.Unauthenticated;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a bearer token must be to be let in, forgery by forgery. */
class BearerTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static RSAKey current;
    private static RSAKey previous;
    private static RSAKey stranger;

    @TempDir
    Path folder;

    private Path keysFile;
    private BearerTokens tokens;
    private final Set<String> revokedJtis = new HashSet<>();

    @BeforeAll
    static void keys() throws Exception {
        current = new RSAKeyGenerator(2048).keyID("current").generate();
        previous = new RSAKeyGenerator(2048).keyID("previous").generate();
        stranger = new RSAKeyGenerator(2048).keyID("current").generate();
    }

    @BeforeEach
    void verifier() throws Exception {
        keysFile = folder.resolve("signing-jwks.json");
        Files.writeString(keysFile, new JWKSet(List.of(current, previous)).toString(false));
        SigningKeys keys = new SigningKeys();
        set(keys, "file", Optional.of(keysFile.toString()));
        set(keys, "checkSeconds", 0L);
        var load = SigningKeys.class.getDeclaredMethod("load");
        load.setAccessible(true);
        load.invoke(keys);
        tokens = new BearerTokens();
        tokens.keys = keys;
        tokens.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        tokens.issued = new AccessTokens();
        tokens.issued.issuer = "iris";
        tokens.issued.audiences = List.of("iris");
        tokens.skewSeconds = 30;
        tokens.revocations = new Revocations() {
            @Override
            public boolean revoked(UUID account, int generation, String jti, String session) {
                return revokedJtis.contains(jti) || generation < 0;
            }
        };
    }

    @Test
    void aTokenOfIrisIsTheCallerWithItsClaimsAndGroups() {
        UUID account = UUID.randomUUID();
        String token = sign(current, claims(b -> b.subject(account.toString())));

        AccessToken caller = tokens.verify(token);

        assertEquals(account.toString(), caller.getName());
        assertEquals(account.toString(), caller.getSubject());
        assertEquals(Set.of("user", "company_admin"), caller.getGroups());
        assertEquals(Set.of("iris"), caller.getAudience());
        assertEquals(NOW.plusSeconds(300).getEpochSecond(), caller.getExpirationTime());
        assertEquals(token, caller.getRawToken());
        assertEquals("EMEA", ((JsonString) caller.getClaim("region")).getString());
        assertEquals(3, ((JsonNumber) caller.getClaim("gen")).intValue());
        assertTrue(caller.getClaimNames().containsAll(Set.of("sub", "groups", "region", "raw_token")));
    }

    @Test
    void aKeyRotatedOutStillVerifiesItsTokens() {
        assertEquals(Set.of("user", "company_admin"), tokens.verify(sign(previous, claims(b -> b))).getGroups());
    }

    @Test
    void forgeriesAreRefused() {
        String unsignedHeader = url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = url(claims(b -> b).toString());
        List<String> forged = List.of(
                unsignedHeader + "." + payload + ".",
                hmacWithPublicKey(),
                sign(stranger, claims(b -> b)),
                sign(current, header(current).keyID("unknown").build(), claims(b -> b)),
                sign(current, header(current).keyID(null).build(), claims(b -> b)),
                sign(current, header(current).type(new JOSEObjectType("at+jwt")).build(), claims(b -> b)),
                sign(current, header(current).criticalParams(Set.of("exp")).build(), claims(b -> b)),
                "not.a.token", "", "a".repeat(BearerTokens.MAX_LENGTH + 1));
        for (String token : forged) {
            assertRefused(token, "The access token is not valid.");
        }
    }

    @Test
    void claimsOutsideTheirBoundsAreRefused() {
        List<UnaryOperator<JWTClaimsSet.Builder>> wrong = List.of(
                b -> b.issuer("someone-else"),
                b -> b.issuer(null),
                b -> b.audience("someone-else"),
                b -> b.audience((String) null),
                b -> b.expirationTime(Date.from(NOW.minusSeconds(31))),
                b -> b.expirationTime(null),
                b -> b.issueTime(Date.from(NOW.plusSeconds(31))),
                b -> b.issueTime(null),
                b -> b.notBeforeTime(Date.from(NOW.plusSeconds(31))),
                b -> b.subject("tester@iris.test"),
                b -> b.subject(null),
                b -> b.jwtID(null),
                b -> b.claim("exp", "tomorrow"));
        for (UnaryOperator<JWTClaimsSet.Builder> change : wrong) {
            assertRefused(sign(current, claims(change)), "The access token is not valid.");
        }
    }

    @Test
    void clocksAFewSecondsApartStillAgree() {
        tokens.verify(sign(current, claims(b -> b.expirationTime(Date.from(NOW.minusSeconds(29)))
                .issueTime(Date.from(NOW.plusSeconds(29))).notBeforeTime(Date.from(NOW.plusSeconds(29))))));
    }

    @Test
    void aRevokedTokenIsRefusedAsRevoked() {
        String jti = UUID.randomUUID().toString();
        String token = sign(current, claims(b -> b.jwtID(jti)));
        tokens.verify(token);

        revokedJtis.add(jti);

        assertRefused(token, "The token has been revoked; log in again.");
    }

    @Test
    void aNewKeyFileTakesEffectWithoutARestartAndABrokenOneIsIgnored() throws Exception {
        RSAKey next = new RSAKeyGenerator(2048).keyID("next").generate();
        String ofNext = sign(next, claims(b -> b));
        String ofPrevious = sign(previous, claims(b -> b));
        assertRefused(ofNext, "The access token is not valid.");
        tokens.verify(ofPrevious);

        replace(new JWKSet(List.of(next, current)).toString(false), 1);

        tokens.verify(ofNext);
        tokens.verify(sign(current, claims(b -> b)));
        assertRefused(ofPrevious, "The access token is not valid."); // remembered, but its key is gone
        assertEquals("next", tokens.keys.signing().getKeyID());

        replace("{\"keys\": [", 2);

        tokens.verify(ofNext);
        assertEquals("next", tokens.keys.signing().getKeyID());
    }

    @Test
    void aRememberedTokenStillExpires() {
        String token = sign(current, claims(b -> b));
        tokens.verify(token);
        tokens.verify(token);

        tokens.clock = Clock.fixed(NOW.plusSeconds(300 + 30), ZoneOffset.UTC);

        assertRefused(token, "The access token is not valid.");
    }

    private void replace(String content, int generation) throws Exception {
        Files.writeString(keysFile, content);
        Files.setLastModifiedTime(keysFile, FileTime.from(Instant.now().plusSeconds(generation)));
    }

    private void assertRefused(String token, String detail) {
        Unauthenticated refused = assertThrows(Unauthenticated.class, () -> tokens.verify(token), token);
        assertEquals(detail, refused.getMessage());
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder()
                .issuer("iris")
                .subject(UUID.randomUUID().toString())
                .audience("iris")
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .claim("groups", List.of("user", "company_admin"))
                .claim("company", UUID.randomUUID().toString())
                .claim("region", "EMEA")
                .claim("gen", 3)
                .claim("sid", UUID.randomUUID().toString())).build();
    }

    private static JWSHeader.Builder header(RSAKey key) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID());
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        return sign(key, header(key).build(), claims);
    }

    private static String sign(RSAKey key, JWSHeader header, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmacWithPublicKey() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("current").build(),
                    claims(b -> b));
            jwt.sign(new MACSigner(current.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void set(Object target, String field, Object value) throws Exception {
        var declared = target.getClass().getDeclaredField(field);
        declared.setAccessible(true);
        declared.set(target, value);
    }
}
