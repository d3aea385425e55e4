package dev.vgharness.vgdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.commons.exec.ExecuteStreamHandler;

/**
 * gdb's three pipes as commons-exec hands them over: stdin kept for commands, stdout read by the session's reader
 * thread, stderr drained into the last lines kept for error messages (gdb writes little there under MI).
 */
final class GdbStreams implements ExecuteStreamHandler {

    private static final int KEPT_STDERR_LINES = 20;

    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Runnable onStdoutReady;
    private volatile OutputStream stdin;
    private volatile InputStream stdout;
    private InputStream stderr;
    private Thread stderrPump;

    GdbStreams(Runnable onStdoutReady) {
        this.onStdoutReady = onStdoutReady;
    }

    @Override
    public void setProcessInputStream(OutputStream os) {
        this.stdin = os;
    }

    @Override
    public void setProcessOutputStream(InputStream is) {
        this.stdout = is;
    }

    @Override
    public void setProcessErrorStream(InputStream is) {
        this.stderr = is;
    }

    @Override
    public void start() {
        stderrPump = new Thread(this::drainStderr, "vgharness-gdb-stderr");
        stderrPump.setDaemon(true);
        stderrPump.start();
        onStdoutReady.run();
    }

    @Override
    public void stop() {
        // The reader thread ends at EOF; nothing to stop here.
    }

    OutputStream stdin() {
        return stdin;
    }

    InputStream stdout() {
        return stdout;
    }

    synchronized String stderrTail() {
        return String.join(" | ", stderrTail);
    }

    private void drainStderr() {
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(stderr,
                java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (this) {
                    if (stderrTail.size() == KEPT_STDERR_LINES) {
                        stderrTail.removeFirst();
                    }
                    stderrTail.addLast(line);
                }
            }
        } catch (IOException e) {
            // gdb closed its stderr: nothing more to keep.
        }
    }
}
