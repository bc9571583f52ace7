package org.iris.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The local folder ({@code iris.data.dir}) where the embedded run keeps what it generates for
 * itself: H2 files, the development signing key and secret. A production deployment configures
 * its keys and secret instead, and nothing of value is left here.
 */
@ApplicationScoped
public class DataFolder {

    @Inject
    @ConfigProperty(name = "iris.data.dir")
    String location;

    public Path resolve(String first, String... more) {
        return Path.of(location, first).resolve(Path.of("", more));
    }

    /** Writes the file readable by its owner only, replacing it in one step so that no reader sees half of it. */
    public void writePrivately(Path file, String content) {
        write(file, content);
    }

    /** Removes the file if it is there. */
    public void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, content);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
