package dev.vgharness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * fixtures/src/watched.c running in its own session (so that no signal meant for it reaches the test JVM), for the
 * watch tests: started before the watch, checked afterwards to be still running and not stopped, then killed.
 */
public final class WatchedService implements AutoCloseable {

    private final Process process;
    private final Path stdout;

    private WatchedService(Process process, Path stdout) {
        this.process = process;
        this.stdout = stdout;
    }

    /**
     * Starts {@code watched MODE [EXTRA...]}, waits for its "ready" line and then for two ticks, so that the code its
     * ticks run is resident before the watch (a watch of a fresh process would see those pages arrive as growth).
     */
    public static WatchedService start(Path dir, String mode, String... extra) throws IOException, InterruptedException {
        Path program = Fixtures.compile("src/watched.c");
        Path out = Files.createTempFile(dir, "watched-" + mode, ".out");
        List<String> argv = new ArrayList<>(List.of("setsid", program.toString(), mode));
        argv.addAll(List.of(extra));
        Process p = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        WatchedService service = new WatchedService(p, out);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.readString(out).contains("ready ")) {
            if (System.nanoTime() > end || !p.isAlive()) {
                service.close();
                throw new IllegalStateException("the service did not start: " + Files.readString(out));
            }
            Thread.sleep(10);
        }
        Thread.sleep(250);
        return service;
    }

    public long pid() {
        return process.pid();
    }

    public String output() throws IOException {
        return Files.readString(stdout);
    }

    /** The state letter of /proc/PID/stat. */
    public char state() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    /** Still running, not stopped (T) nor stopped by a tracer (t), and no tracer attached any more. */
    public void assertRunningAndNotStopped() throws IOException, InterruptedException {
        assertTrue(process.isAlive(), () -> "the watched process is gone: " + outputQuietly());
        // Give a detach that just happened a moment to settle.
        for (int i = 0; i < 50 && (state() == 't' || state() == 'T'); i++) {
            Thread.sleep(10);
        }
        char state = state();
        assertTrue(state != 't' && state != 'T', "the watched process is left stopped: state " + state);
        String status = Files.readString(Path.of("/proc", Long.toString(pid()), "status"));
        assertTrue(status.contains("TracerPid:\t0\n"), () -> "still traced: " + status);
        Thread.sleep(250);
        assertTrue(process.isAlive(), "the watched process died just after the watch");
        assertEquals(state, state == 'R' ? 'R' : state, "still there");
    }

    private String outputQuietly() {
        try {
            return output();
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
