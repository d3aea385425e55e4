package dev.vgharness.cli;

import dev.vgharness.memcheck.ValgrindXmlParser;
import dev.vgharness.memcheck.ValgrindXmlReport;
import dev.vgharness.report.JsonReport;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the end of a run needs, done ahead on a background thread while the first case starts: the JVM is idle while
 * valgrind works, and each of these costs 10 to 30 ms the first time (class loading, static initialisers, a first
 * interpreted pass): reading valgrind's XML (a recorded one, shipped in the jar), SHA-256 of the loss records'
 * identities, number formatting for the summary, and the JSON writer when a report is asked. Nothing it makes is
 * kept; a failure only means no head start.
 */
final class WarmUp {

    private WarmUp() {
    }

    /** Starts the warm-up thread; {@code reports}: whether a report file will be written. */
    static void start(boolean reports) {
        Thread thread = new Thread(() -> run(reports), "vgharness-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run(boolean reports) {
        try {
            sample();
            MessageDigest.getInstance("SHA-256").digest("warm-up".getBytes(StandardCharsets.UTF_8));
            String.format(Locale.ROOT, "%.1f s, %d B", 1.5, 1);
            if (reports) {
                JsonReport.write(new RunResult(new RunResult.Tool("vgharness", "warm-up"),
                        new RunResult.PlanInfo("warm-up", "warm-up.yaml"), Map.of(), Instant.EPOCH, 0,
                        RunStatus.PASSED, null, List.of()), OutputStream.nullOutputStream());
            }
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            // No head start, nothing else: the run does the same work when it needs it.
        }
    }

    /** The recorded XML of a valgrind run with errors and leaks, parsed (package-private for its test). */
    static ValgrindXmlReport sample() {
        try (InputStream xml = WarmUp.class.getResourceAsStream("warm-up.xml")) {
            if (xml == null) {
                throw new IllegalStateException("warm-up.xml is not in the jar");
            }
            return ValgrindXmlParser.parse(xml, "warm-up.xml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
