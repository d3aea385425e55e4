package dev.vgharness.report;

import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.Suppressions;
import dev.vgharness.result.LeakFinding;
import dev.vgharness.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Valgrind suppressions for every lost leak of a run ({@code --write-suppressions}), one per distinct suppression,
 * each named after its kind and first function so that {@code -v}'s "used_suppression" lines say which leak it was.
 * <pre>
 * {
 *    vgharness-definitely_lost-handle_request-1803d2bd
 *    Memcheck:Leak
 *    match-leak-kinds: definite
 *    fun:malloc
 *    fun:handle_request
 *    fun:main
 * }
 * </pre>
 */
public final class SuppressionFile {

    private SuppressionFile() {
    }

    public static String text(RunResult run) {
        Set<String> bodies = new LinkedHashSet<>();
        StringBuilder text = new StringBuilder("# vgharness: suppressions for the leaks of plan " + run.plan().name()
                + "\n");
        for (LeakFinding found : LeakFinding.lostLeaks(run)) {
            LossRecord r = found.record();
            String body = Suppressions.forLossRecord(r, "NAME");
            if (bodies.add(body)) {
                text.append(Suppressions.forLossRecord(r, name(r)));
            }
        }
        return text.toString();
    }

    public static void write(RunResult run, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ReportFiles.writeString(file, text(run));
    }

    private static String name(LossRecord r) {
        List<String> functions = r.fingerprint().functions();
        String first = functions.isEmpty() ? "unknown" : functions.get(0).replaceAll("[^A-Za-z0-9_]+", "_");
        return "vgharness-" + r.kind().key() + "-" + first + "-" + r.fingerprint().hash().substring(0, 8);
    }
}
