package org.iris.messaging.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

import javax.crypto.SecretKey;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.platform.control.DataFolder;
import org.iris.platform.entity.Region;
import org.iris.residency.control.Boundaries;

/**
 * The key-encryption keys of each region ({@code iris.messaging.keys.file}): a properties file of
 * lines {@code <REGION>.<version>=<base64 of 32 random bytes>}, the same file on every node. The
 * highest version of a region wraps its new data keys; the lower ones still unwrap the data keys they
 * wrapped, so rotating means adding a line with a higher version (and restarting the nodes), and no
 * stored data is rewritten. Without the setting, the embedded run generates a key for each served
 * region into {@code iris.data.dir/keys/message-keys.properties} and says so.
 */
@ApplicationScoped
public class MessageKeys {

    private static final Logger LOG = Logger.getLogger(MessageKeys.class.getName());

    /** One key-encryption key. */
    public record Kek(int version, SecretKey key) {
    }

    @Inject
    @ConfigProperty(name = "iris.messaging.keys.file")
    Optional<String> configured;

    @Inject
    DataFolder folder;

    @Inject
    Boundaries boundaries;

    private Map<Region, NavigableMap<Integer, SecretKey>> keys;

    @PostConstruct
    void load() {
        Optional<Path> file = configured.filter(value -> !value.isBlank()).map(Path::of);
        keys = file.map(path -> parse(read(path), boundaries.served()))
                .orElseGet(this::development);
    }

    /** The region's current key: the one that wraps new data keys. */
    public Kek current(Region region) {
        var ring = ring(region);
        return new Kek(ring.lastKey(), ring.lastEntry().getValue());
    }

    /** @throws IllegalStateException when the file no longer has that version: its data keys cannot be unwrapped */
    public SecretKey version(Region region, int version) {
        SecretKey key = ring(region).get(version);
        if (key == null) {
            throw new IllegalStateException("iris.messaging.keys.file lacks " + region + "." + version
                    + ", which wrapped stored data keys; put it back");
        }
        return key;
    }

    private NavigableMap<Integer, SecretKey> ring(Region region) {
        var ring = keys.get(region);
        if (ring == null || ring.isEmpty()) {
            throw new IllegalStateException("iris.messaging.keys.file has no key for region " + region);
        }
        return ring;
    }

    /**
     * Reads the file's keys of the served regions.
     *
     * @throws IllegalStateException naming the line that is wrong, or a served region without a key
     */
    static Map<Region, NavigableMap<Integer, SecretKey>> parse(String content, Set<Region> served) {
        Properties lines = new Properties();
        try {
            lines.load(new StringReader(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Region, NavigableMap<Integer, SecretKey>> keys = new EnumMap<>(Region.class);
        for (String name : lines.stringPropertyNames()) {
            int dot = name.lastIndexOf('.');
            try {
                Region region = Region.valueOf(name.substring(0, dot));
                int version = Integer.parseInt(name.substring(dot + 1));
                if (version < 1) {
                    throw new IllegalArgumentException("versions start at 1");
                }
                keys.computeIfAbsent(region, r -> new TreeMap<>())
                        .put(version, Seal.key(Base64.getDecoder().decode(lines.getProperty(name).strip())));
            } catch (RuntimeException e) {
                throw new IllegalStateException("iris.messaging.keys.file: the line of " + name
                        + " is not <REGION>.<version>=<base64 of 32 bytes>", e);
            }
        }
        for (Region region : served) {
            if (!keys.containsKey(region)) {
                throw new IllegalStateException("iris.messaging.keys.file has no key for region " + region);
            }
        }
        return keys;
    }

    private Map<Region, NavigableMap<Integer, SecretKey>> development() {
        Path file = folder.resolve("keys", "message-keys.properties");
        Properties lines = new Properties();
        if (Files.isRegularFile(file)) {
            try (var in = new StringReader(read(file))) {
                lines.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        boolean added = false;
        for (Region region : boundaries.served()) {
            if (lines.stringPropertyNames().stream().noneMatch(name -> name.startsWith(region.name() + "."))) {
                lines.setProperty(region.name() + ".1", Base64.getEncoder().encodeToString(Seal.newKey().getEncoded()));
                added = true;
            }
        }
        StringWriter content = new StringWriter();
        try {
            lines.store(content, "Iris key-encryption keys: <REGION>.<version>=<base64>; the highest version wraps new data keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (added) {
            folder.writePrivately(file, content.toString());
            LOG.warning(() -> "No iris.messaging.keys.file is configured: generated development key-encryption keys into "
                    + file.toAbsolutePath() + ". Configure iris.messaging.keys.file (the same on every node) for any real deployment.");
        }
        return parse(content.toString(), boundaries.served());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
