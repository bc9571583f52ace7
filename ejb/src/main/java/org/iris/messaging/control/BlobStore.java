package org.iris.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.platform.control.DataFolder;
import org.iris.platform.entity.Region;

/**
 * Where encrypted file contents lie: a folder per region under {@code iris.files.dir} (by default
 * {@code iris.data.dir/files}), or the folder {@code iris.files.dir.<REGION>} names for that region
 * (a mount of the region's own storage). A file is written into this node's folder of the region's
 * {@code .incoming} while it is scanned and sealed, and moved into place only once it was found clean.
 * The files folder is shared by every node of a cluster; each node has an incoming folder of its own,
 * named by the id it keeps in {@code iris.data.dir/node-id}, and empties it when it starts: what a
 * crash left there was never kept.
 */
@ApplicationScoped
public class BlobStore {

    @Inject
    @ConfigProperty(name = "iris.files.dir")
    Optional<String> configured;

    @Inject
    DataFolder folder;

    @Inject
    org.eclipse.microprofile.config.Config config;

    Path root(Region region) {
        Optional<String> own = config.getOptionalValue("iris.files.dir." + region.name(), String.class);
        if (own.isPresent() && !own.get().isBlank()) {
            return Path.of(own.get());
        }
        Path base = configured.filter(value -> !value.isBlank()).map(Path::of).orElseGet(() -> folder.resolve("files"));
        return base.resolve(region.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Inject
    org.iris.residency.control.Boundaries boundaries;

    private volatile String node;

    /** This node's id, the name of its incoming folders: kept in its data folder, the same after a restart. */
    String node() {
        if (node == null) {
            synchronized (this) {
                if (node == null) {
                    Path file = folder.resolve("node-id");
                    try {
                        if (!Files.exists(file)) {
                            folder.writePrivately(file, UUID.randomUUID().toString());
                        }
                        node = UUID.fromString(Files.readString(file).strip()).toString();
                    } catch (IOException | IllegalArgumentException e) {
                        throw new IllegalStateException("Cannot read this node's id from " + file, e);
                    }
                }
            }
        }
        return node;
    }

    private Path incomingFolder(Region region) {
        return root(region).resolve(".incoming").resolve(node());
    }

    /** Empties this node's incoming folders of every region it serves: what is there is what a crash left. */
    public void emptyIncoming() {
        for (Region region : boundaries.served()) {
            Path incoming = incomingFolder(region);
            if (!Files.isDirectory(incoming)) {
                continue;
            }
            try (var left = Files.list(incoming)) {
                left.forEach(this::delete);
            } catch (IOException | UncheckedIOException e) {
                java.util.logging.Logger.getLogger(BlobStore.class.getName()).log(java.util.logging.Level.WARNING,
                        "Cannot empty " + incoming, e);
            }
        }
    }

    /** A new file of this node's incoming folder of the region, to be written once. */
    public Path incoming(Region region, UUID fileId) {
        Path incoming = incomingFolder(region);
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + incoming, e);
        }
        return incoming.resolve(fileId.toString());
    }

    public OutputStream write(Path incoming) throws IOException {
        return Files.newOutputStream(incoming);
    }

    /** Moves a clean file into place; answers its path under the region's folder, as recorded. */
    public String keep(Region region, Path incoming, UUID conversationId, UUID fileId) {
        String name = conversationId + "/" + fileId;
        Path target = root(region).resolve(name);
        try {
            Files.createDirectories(target.getParent());
            Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep a file in " + target.getParent(), e);
        }
        return name;
    }

    public InputStream read(Region region, String blob) throws IOException {
        return Files.newInputStream(path(region, blob));
    }

    public long size(Region region, String blob) throws IOException {
        return Files.size(path(region, blob));
    }

    /** Removes the file if it is there; never fails. */
    public void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            java.util.logging.Logger.getLogger(BlobStore.class.getName()).log(java.util.logging.Level.WARNING,
                    "Cannot delete a stored file; it stays encrypted", e);
        }
    }

    public void delete(Region region, String blob) {
        delete(path(region, blob));
    }

    private Path path(Region region, String blob) {
        Path root = root(region).normalize();
        Path path = root.resolve(blob).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalStateException("A recorded file lies outside its region's folder");
        }
        return path;
    }
}
