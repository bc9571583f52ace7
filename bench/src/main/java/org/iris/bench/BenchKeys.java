package org.iris.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The signing key shared by the Iris under benchmark ({@code iris.jwt.keys.file}) and the benchmark,
 * which signs its searchers' access tokens as Iris would issue them after a login.
 */
public final class BenchKeys {

    private BenchKeys() {
    }

    /** Writes a new key set to the path given, unless it exists. */
    public static void main(String[] args) throws JOSEException, IOException {
        Path file = Path.of(args[0]);
        if (Files.exists(file)) {
            return;
        }
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, new JWKSet(key).toString(false));
    }

    /** An access token of an account, valid for the length of a benchmark. */
    static String token(Path keys, String account, String company, String region) throws IOException, ParseException, JOSEException {
        RSAKey key = (RSAKey) JWKSet.parse(Files.readString(keys)).getKeys().get(0);
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("iris")
                .audience("iris")
                .subject(account)
                .claim("upn", account)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(3))))
                .jwtID(UUID.randomUUID().toString())
                .claim("groups", List.of("user"))
                .claim("company", company)
                .claim("region", region)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
