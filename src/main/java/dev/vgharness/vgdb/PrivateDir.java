package dev.vgharness.vgdb;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * A private temporary directory (mode 0700) that holds valgrind's vgdb FIFOs, for example
 * {@code /tmp/vgharness-123/vgdb-from-vgdb-to-4242-by-root-on-box}; deleted with everything in it on close.
 * Valgrind leaves its FIFOs behind when it is killed, and other users must not reach them.
 */
public final class PrivateDir implements AutoCloseable {

    private final Path path;

    private PrivateDir(Path path) {
        this.path = path;
    }

    /** Creates a fresh 0700 directory under {@code java.io.tmpdir}. */
    public static PrivateDir create() {
        return createIn(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Creates a fresh 0700 directory under {@code parent}. */
    public static PrivateDir createIn(Path parent) {
        Objects.requireNonNull(parent, "parent is null");
        try {
            Path dir = Files.createTempDirectory(parent, "vgharness-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            ChildReaper.registerDirectory(dir);
            return new PrivateDir(dir);
        } catch (IOException | UnsupportedOperationException e) {
            throw HarnessException.failed("cannot create a private 0700 directory in " + parent + ": " + e.getMessage()
                    + ": set TMPDIR (or -Djava.io.tmpdir) to a writable local directory", e);
        }
    }

    public Path path() {
        return path;
    }

    /** The {@code --vgdb-prefix} for valgrind and vgdb: {@code <dir>/vgdb}. */
    public Path vgdbPrefix() {
        return path.resolve("vgdb");
    }

    /** Deletes the directory and everything in it (FIFOs included); quiet when it is already gone. */
    @Override
    public void close() {
        deleteTree(path);
        ChildReaper.unregisterDirectory(path);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // Valgrind unlinked a FIFO while we walked: nothing left to do for it.
            deleteTree(root);
        } catch (IOException e) {
            throw HarnessException.failed("cannot delete " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
