package org.iris.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The server secret ({@code iris.secret}, base64, at least 32 bytes; the same on every node) and the
 * keyed hashes derived from it. A keyed hash lets {@code global} route by email or count failures by
 * address without holding either in clear, and makes a stolen PIN hash useless without the secret.
 *
 * <p>With no secret configured, the embedded run generates one into its data folder and says so.
 */
@ApplicationScoped
public class Secrets {

    private static final Logger LOG = Logger.getLogger(Secrets.class.getName());
    private static final String HMAC = "HmacSHA256";
    private static final int MIN_BYTES = 32;

    @Inject
    @ConfigProperty(name = "iris.secret")
    Optional<String> configured;

    @Inject
    DataFolder folder;

    private byte[] master;
    private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();

    @PostConstruct
    void load() {
        master = configured.filter(value -> !value.isBlank())
                .map(Secrets::decode)
                .orElseGet(this::developmentSecret);
    }

    /** A hex HMAC-SHA256 of the value under a key of its own for each purpose. */
    public String keyedHash(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(keys.computeIfAbsent(purpose, this::derive));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec derive(String purpose) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(master, HMAC));
            return new SecretKeySpec(mac.doFinal(("iris:" + purpose).getBytes(StandardCharsets.UTF_8)), HMAC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String value) {
        byte[] secret = Base64.getDecoder().decode(value.strip());
        if (secret.length < MIN_BYTES) {
            throw new IllegalStateException("iris.secret must hold at least " + MIN_BYTES + " bytes (base64)");
        }
        return secret;
    }

    private byte[] developmentSecret() {
        Path file = folder.resolve("keys", "secret");
        try {
            if (Files.isRegularFile(file)) {
                return decode(Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        byte[] secret = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(secret);
        folder.writePrivately(file, Base64.getEncoder().encodeToString(secret));
        LOG.warning(() -> "No iris.secret is configured: generated a development secret into " + file.toAbsolutePath()
                + ". Configure iris.secret (the same on every node) for any real deployment.");
        return secret;
    }
}
