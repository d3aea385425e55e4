package dev.vgharness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waits for a line the target itself prints, as the synchronisation point of a test (never a sleep): the harness
 * captures the target's stdout in {@code target.stdout} next to valgrind's {@code --xml-file=DIR/final.xml}, in a
 * private directory found from valgrind's command line. Fixtures flush after such lines ({@code hang.c} prints
 * {@code hanging} once its breakpoint was acted on).
 */
public final class TargetOutput {

    private static final Pattern XML_FILE = Pattern.compile("--xml-file=(\\S+)/final\\.%p\\.xml");
    private static final long POLL_MILLIS = 20;

    private TargetOutput() {
    }

    /** Returns once the target of valgrind {@code valgrindPid} has printed {@code line}; fails after {@code limit}. */
    public static void await(long valgrindPid, String line, Duration limit) throws IOException, InterruptedException {
        Path stdout = stdoutOf(valgrindPid);
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(stdout) && Files.readString(stdout).lines().anyMatch(line::equals)) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new AssertionError("the target never printed '" + line + "' (" + stdout + ")");
    }

    private static Path stdoutOf(long valgrindPid) {
        String command = ProcessHandle.of(valgrindPid).flatMap(p -> p.info().commandLine()).orElse("");
        Matcher m = XML_FILE.matcher(command);
        if (!m.find()) {
            throw new AssertionError("valgrind " + valgrindPid + " has no --xml-file=DIR/final.xml: " + command);
        }
        return Path.of(m.group(1), "target.stdout");
    }
}
