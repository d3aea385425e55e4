package dev.vgharness.vgdb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * A private temporary directory (mode 0700) that holds valgrind's vgdb FIFOs, for example
 * {@code /tmp/vgharness-123/vgdb-from-vgdb-to-4242-by-root-on-box}; deleted with everything in it on close.
 * Valgrind leaves its FIFOs behind when it is killed, and other users must not reach them.
 *
 * <p>The harness holds a lock on {@code .owner} (with its pid) inside for as long as the directory lives. The kernel
 * drops the lock when the harness dies, even by SIGKILL, so a later run can tell a directory whose harness is gone
 * ({@link StaleDirs}) from one of a harness still running.
 */
public final class PrivateDir implements AutoCloseable {

    /** The prefix of every private directory's name. */
    static final String PREFIX = "vgharness-";
    /** The owner's lock file inside. */
    static final String OWNER = ".owner";

    private final Path path;
    private final FileChannel owner;

    private PrivateDir(Path path, FileChannel owner) {
        this.path = path;
        this.owner = owner;
    }

    /** Creates a fresh 0700 directory under {@code java.io.tmpdir}. */
    public static PrivateDir create() {
        return createIn(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Creates a fresh 0700 directory under {@code parent}. */
    public static PrivateDir createIn(Path parent) {
        Objects.requireNonNull(parent, "parent is null");
        Path dir;
        try {
            dir = Files.createTempDirectory(parent, PREFIX,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException | UnsupportedOperationException e) {
            throw HarnessException.failed("cannot create a private 0700 directory in " + parent + ": " + e.getMessage()
                    + ": set TMPDIR (or -Djava.io.tmpdir) to a writable local directory", e);
        }
        try {
            ChildReaper.registerDirectory(dir);
            return new PrivateDir(dir, lockOwner(dir));
        } catch (RuntimeException e) {
            ChildReaper.unregisterDirectory(dir);
            deleteTree(dir);
            throw e;
        }
    }

    /** Writes {@code .owner} with our pid and keeps it locked. */
    private static FileChannel lockOwner(Path dir) {
        try {
            FileChannel channel = FileChannel.open(dir.resolve(OWNER), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            channel.lock();
            channel.write(StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + "\n"));
            return channel;
        } catch (IOException e) {
            throw HarnessException.failed("cannot lock " + dir.resolve(OWNER) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Locks the owner file of a directory whose harness is gone; null while its harness holds it (or when it has
     * none: a directory being created, or made by another program).
     */
    static FileChannel lockIfAbandoned(Path dir) {
        Path file = dir.resolve(OWNER);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            return channel;
        } catch (IOException | OverlappingFileLockException e) {
            return null; // ours (this JVM holds it) or gone meanwhile
        }
    }

    /** The pid written in a directory's owner file, or -1. */
    static long ownerPid(Path dir) {
        try {
            return Long.parseLong(Files.readString(dir.resolve(OWNER)).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
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
        try {
            owner.close();
        } catch (IOException e) {
            // Closing releases the lock; a failure leaves only a descriptor until the JVM ends.
        }
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
