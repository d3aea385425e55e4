package dev.vgharness.cli;

import dev.vgharness.vgdb.PrivateDir;
import dev.vgharness.vgdb.ShortCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code cat in.json | vgharness check -- ./prog -}: the harness's own stdin handed to the program as it comes,
 * through a FIFO in a private folder (a path serves both valgrind's launch and native mode's shell redirection). A
 * copier thread reads our stdin and writes the FIFO; the program reads the other end, and sees its end when ours
 * ends. A terminal is not passed: the program gets no stdin, as before.
 */
final class StdinRelay implements AutoCloseable {

    private final PrivateDir dir;
    private final Path fifo;
    private final Thread copier;

    private StdinRelay(PrivateDir dir, Path fifo, InputStream from) {
        this.dir = dir;
        this.fifo = fifo;
        this.copier = new Thread(() -> copy(from), "vgharness-stdin-relay");
        copier.setDaemon(true);
        copier.start();
    }

    /** A relay that already holds all of our stdin in a file, {@link #fifo()}: read whole before the program starts. */
    private StdinRelay(PrivateDir dir, Path file) {
        this.dir = dir;
        this.fifo = file;
        this.copier = new Thread(() -> { });
    }

    /**
     * Our stdin read whole into a private file, unless fd 0 is a terminal: for a program run twice
     * ({@code --find-lost}), which a FIFO read once cannot feed again.
     */
    static Optional<StdinRelay> kept(InputStream from) {
        if (stdinIsTerminal()) {
            return Optional.empty();
        }
        PrivateDir dir = PrivateDir.create();
        Path file = dir.path().resolve("stdin");
        try (OutputStream to = Files.newOutputStream(file)) {
            from.transferTo(to);
        } catch (IOException e) {
            dir.close();
            throw new IllegalStateException("cannot keep our stdin for the program: " + e.getMessage());
        }
        return Optional.of(new StdinRelay(dir, file));
    }

    /** Relays {@code from} (our stdin) unless fd 0 is a terminal. */
    static Optional<StdinRelay> start(InputStream from) {
        if (stdinIsTerminal()) {
            return Optional.empty();
        }
        PrivateDir dir = PrivateDir.create();
        Path fifo = dir.path().resolve("stdin");
        ShortCommand.Result made = ShortCommand.run(List.of("mkfifo", "-m", "600", fifo.toString()), null, dir.path(),
                Duration.ofSeconds(10));
        if (!made.succeeded()) {
            dir.close();
            throw new IllegalStateException("cannot make a FIFO for the program's stdin: " + made.stderr().strip());
        }
        return Optional.of(new StdinRelay(dir, fifo, from));
    }

    /** The FIFO (or the kept file) to give the program as its stdin. */
    Path fifo() {
        return fifo;
    }

    private void copy(InputStream from) {
        // Opening blocks until the program's side opens the FIFO for reading.
        try (OutputStream to = Files.newOutputStream(fifo)) {
            from.transferTo(to);
        } catch (IOException e) {
            // The program ended or closed its stdin before reading all of ours: nothing more to hand over.
        }
    }

    private static boolean stdinIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Removes the FIFO; a copier still blocked on it (the program never read its stdin) is a daemon. */
    @Override
    public void close() {
        copier.interrupt();
        dir.close();
    }
}
