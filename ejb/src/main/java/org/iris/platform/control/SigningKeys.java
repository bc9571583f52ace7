package org.iris.platform.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The RSA keys that sign access tokens. {@code iris.jwt.keys.file} names a JWKS of private RSA keys:
 * the first signs, the others only verify, so that a rotated-out key keeps its tokens valid until they
 * expire. With none configured, the embedded run generates a development key into its data folder
 * (never into the source tree).
 *
 * <p>The public halves are written to {@code keys/jwks.json} in the data folder, where MicroProfile JWT
 * reads them ({@code mp.jwt.verify.publickey.location}), and served at {@code /.well-known/jwks.json}.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    static final int MIN_BITS = 2048;

    @Inject
    @ConfigProperty(name = "iris.jwt.keys.file")
    Optional<String> file;

    @Inject
    DataFolder folder;

    private RSAKey signing;
    private JWKSet published;

    @PostConstruct
    void load() {
        JWKSet keys = file.filter(value -> !value.isBlank())
                .map(value -> read(Path.of(value)))
                .orElseGet(this::developmentKeys);
        List<RSAKey> rsa = usable(keys);
        signing = rsa.get(0);
        published = new JWKSet(rsa.stream().map(key -> (JWK) key.toPublicJWK()).toList());
        folder.writePublicly(folder.resolve("keys", "jwks.json"), published.toString(true));
        LOG.info(() -> "Access tokens are signed with key " + signing.getKeyID() + "; " + rsa.size()
                + " key(s) verify them");
    }

    /** The key that signs new tokens. */
    public RSAKey signing() {
        return signing;
    }

    /** The public keys that verify tokens, the signing key's first. */
    public JWKSet published() {
        return published;
    }

    static List<RSAKey> usable(JWKSet keys) {
        List<RSAKey> rsa = keys.getKeys().stream()
                .filter(RSAKey.class::isInstance)
                .map(RSAKey.class::cast)
                .toList();
        if (rsa.isEmpty() || rsa.size() != keys.getKeys().size()) {
            throw new IllegalStateException("The signing keys must be RSA keys, at least one");
        }
        for (RSAKey key : rsa) {
            if (key.getKeyID() == null || key.getKeyID().isBlank()) {
                throw new IllegalStateException("Every signing key needs a key id (kid)");
            }
            if (key.size() < MIN_BITS) {
                throw new IllegalStateException("Signing key " + key.getKeyID() + " has fewer than " + MIN_BITS + " bits");
            }
        }
        if (!rsa.get(0).isPrivate()) {
            throw new IllegalStateException("The first signing key (" + rsa.get(0).getKeyID() + ") needs its private part");
        }
        return rsa;
    }

    private static JWKSet read(Path path) {
        try {
            return JWKSet.parse(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing keys " + path, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The signing keys " + path + " are not a JWKS", e);
        }
    }

    private JWKSet developmentKeys() {
        Path path = folder.resolve("keys", "signing-jwks.json");
        if (Files.isRegularFile(path)) {
            return read(path);
        }
        try {
            RSAKey key = new RSAKeyGenerator(MIN_BITS)
                    .keyID("dev-" + UUID.randomUUID())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            JWKSet keys = new JWKSet(key);
            folder.writePrivately(path, keys.toString(false));
            LOG.warning(() -> "No iris.jwt.keys.file is configured: generated a development signing key into "
                    + path.toAbsolutePath() + ". Configure your own keys for any real deployment.");
            return keys;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
