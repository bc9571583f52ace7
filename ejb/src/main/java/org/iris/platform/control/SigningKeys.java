package org.iris.platform.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
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
import java.nio.file.attribute.BasicFileAttributes;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * The RSA keys that sign access tokens. {@code iris.jwt.keys.file} names a JWKS of private RSA keys:
 * the first signs, the others only verify, so that a rotated-out key keeps its tokens valid until they
 * expire. With none configured, the embedded run generates a development key into its data folder
 * (never into the source tree).
 *
 * <p>The keys are parsed once into a {@link Ring} (signer, verifiers by key id, the public JWKS served
 * at {@code /.well-known/jwks.json}). The file is looked at again at most every
 * {@code iris.jwt.keys.check-seconds}: when it changed, its keys replace the ring without a restart;
 * a file that no longer holds usable keys leaves the last good ring in place, with a warning.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    static final int MIN_BITS = 2048;

    /**
     * The keys in use: the one that signs, with the header of its tokens, and every one that verifies.
     * {@code version} identifies the file it came from (modification time and size).
     */
    public record Ring(RSAKey signing, JWSSigner signer, JWSHeader header, Map<String, JWSVerifier> verifiers,
                       JWKSet published, String version) {

        /** The verifier of the key with this id, or none: an unknown or absent {@code kid} verifies nothing. */
        public Optional<JWSVerifier> verifier(String kid) {
            return kid == null ? Optional.empty() : Optional.ofNullable(verifiers.get(kid));
        }
    }

    @Inject
    @ConfigProperty(name = "iris.jwt.keys.file")
    Optional<String> file;

    @Inject
    @ConfigProperty(name = "iris.jwt.keys.check-seconds", defaultValue = "10")
    long checkSeconds;

    @Inject
    DataFolder folder;

    private volatile Ring ring;
    private volatile long nextCheck;
    /** The version of the key file last found unusable: not read again until it changes. */
    private String refused;
    private final ReentrantLock checking = new ReentrantLock();

    @PostConstruct
    void load() {
        Optional<Path> configured = configured();
        if (configured.isPresent()) {
            Path path = configured.get();
            ring = ring(read(path), version(path));
        } else {
            ring = ring(developmentKeys(), "development");
        }
        nextCheck = System.nanoTime() + TimeUnit.SECONDS.toNanos(checkSeconds);
        announce("Access tokens are signed with key ");
    }

    /** The keys in use now; a changed key file is read first when it is time to look again. */
    public Ring current() {
        Ring now = ring;
        if (System.nanoTime() - nextCheck >= 0 && checking.tryLock()) {
            try {
                now = reloadIfChanged();
            } finally {
                checking.unlock();
            }
        }
        return now;
    }

    /** The key that signs new tokens. */
    public RSAKey signing() {
        return current().signing();
    }

    /** The public keys that verify tokens, the signing key's first. */
    public JWKSet published() {
        return current().published();
    }

    private Ring reloadIfChanged() {
        nextCheck = System.nanoTime() + TimeUnit.SECONDS.toNanos(checkSeconds);
        Optional<Path> configured = configured();
        if (configured.isEmpty()) {
            return ring;
        }
        Path path = configured.get();
        try {
            String version = version(path);
            if (version.equals(ring.version()) || version.equals(refused)) {
                return ring;
            }
            refused = version;
            ring = ring(read(path), version);
            refused = null;
            announce("The signing keys changed: access tokens are now signed with key ");
        } catch (RuntimeException e) {
            LOG.warning(() -> "The signing keys " + path + " cannot be used (" + e.getMessage()
                    + "); the keys read before stay in use");
        }
        return ring;
    }

    private void announce(String prefix) {
        Ring used = ring;
        LOG.info(() -> prefix + used.signing().getKeyID() + "; " + used.verifiers().size() + " key(s) verify them");
    }

    private Optional<Path> configured() {
        return file.filter(value -> !value.isBlank()).map(Path::of);
    }

    static Ring ring(JWKSet keys, String version) {
        List<RSAKey> rsa = usable(keys);
        Map<String, JWSVerifier> verifiers = new LinkedHashMap<>();
        try {
            for (RSAKey key : rsa) {
                verifiers.put(key.getKeyID(), new RSASSAVerifier(key.toRSAPublicKey()));
            }
            RSAKey signing = rsa.get(0);
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(signing.getKeyID()).build();
            return new Ring(signing, new RSASSASigner(signing), header, Map.copyOf(verifiers),
                    new JWKSet(rsa.stream().map(key -> (JWK) key.toPublicJWK()).toList()), version);
        } catch (JOSEException e) {
            throw new IllegalStateException("The signing keys cannot sign or verify: " + e.getMessage(), e);
        }
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
        if (rsa.stream().map(RSAKey::getKeyID).distinct().count() != rsa.size()) {
            throw new IllegalStateException("Two signing keys have the same key id (kid)");
        }
        if (!rsa.get(0).isPrivate()) {
            throw new IllegalStateException("The first signing key (" + rsa.get(0).getKeyID() + ") needs its private part");
        }
        return rsa;
    }

    private static String version(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.lastModifiedTime().toMillis() + ":" + attributes.size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing keys " + path, e);
        }
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
