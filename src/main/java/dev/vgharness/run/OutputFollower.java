package dev.vgharness.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Passes the target's output through while it runs ({@code --show-output}) by following its capture files, as
 * {@code tail -f} would: the same for valgrind's pipes and for native mode's shell redirections. With a prefix
 * ({@code [case] }, when cases run side by side) whole lines are passed, each prefixed; without, bytes as they come.
 */
final class OutputFollower implements AutoCloseable {

    private static final long POLL_MS = 50;

    /** One capture file and where it goes. */
    private static final class Follow {
        private final Path file;
        private final OutputStream to;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private long position;

        Follow(Path file, OutputStream to) {
            this.file = file;
            this.to = to;
        }
    }

    private final List<Follow> follows;
    private final byte[] prefix;
    private final Thread thread;
    private volatile boolean stopping;

    /**
     * Follows a case's {@code target.stdout} and {@code target.stderr} in its capture folder when the options say
     * {@code --show-output} (lines prefixed with {@code [name] } when cases may run side by side); else null.
     */
    static OutputFollower of(RunOptions options, String name, Path capture) {
        return options.echo().map(echo -> new OutputFollower(capture.resolve("target.stdout"),
                capture.resolve("target.stderr"), echo, options.jobs() > 1 ? "[" + name + "] " : "")).orElse(null);
    }

    /** Starts following {@code stdout} and {@code stderr} (they may not exist yet). */
    OutputFollower(Path stdout, Path stderr, OutputEcho echo, String prefix) {
        this.follows = List.of(new Follow(stdout, echo.stdout()), new Follow(stderr, echo.stderr()));
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        this.thread = new Thread(this::loop, "vgharness-output-follower");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!stopping) {
            drain(false);
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void drain(boolean last) {
        for (Follow f : follows) {
            try {
                copyNew(f, last);
            } catch (IOException e) {
                // A capture file that cannot be read is only not shown; the report reads it again.
            }
        }
    }

    private void copyNew(Follow f, boolean last) throws IOException {
        if (!Files.exists(f.file)) {
            return;
        }
        try (RandomAccessFile in = new RandomAccessFile(f.file.toFile(), "r")) {
            long length = in.length();
            if (length > f.position) {
                byte[] bytes = new byte[(int) Math.min(length - f.position, 1 << 20)];
                in.seek(f.position);
                in.readFully(bytes);
                f.position += bytes.length;
                pass(f, bytes);
            }
        }
        if (last && f.line.size() > 0) {
            f.line.write('\n');
            pass(f, new byte[0]);
        }
        f.to.flush();
    }

    private void pass(Follow f, byte[] bytes) throws IOException {
        if (prefix.length == 0) {
            f.to.write(bytes);
            return;
        }
        f.line.write(bytes);
        byte[] pending = f.line.toByteArray();
        int start = 0;
        for (int i = 0; i < pending.length; i++) {
            if (pending[i] == '\n') {
                f.to.write(prefix);
                f.to.write(pending, start, i + 1 - start);
                start = i + 1;
            }
        }
        f.line.reset();
        f.line.write(pending, start, pending.length - start);
    }

    /** Passes what is left (a last line without its newline gets one) and stops. */
    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain(true);
    }
}
