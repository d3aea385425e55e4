package dev.vgharness.report;

import dev.vgharness.memcheck.LeakIdentity;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.Suppressions;
import dev.vgharness.result.LeakFinding;
import dev.vgharness.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Valgrind suppressions for every lost leak of a run ({@code --write-suppressions}): one per distinct suppression
 * made from the stacks of every loss record, each named after the kind, first function and leak identity hash of the
 * first leak it covers, so that {@code -v}'s "used_suppression" lines say which leak it was. A suppression can only
 * name functions, so the sites of one function that the leak identity tells apart share one; the comment above it
 * lists the identities (SARIF's {@code leakIdentity/v2}) it covers.
 * <pre>
 * # leakIdentity/v2: 1803d2bd5e0a41c7, 77b0e1aa30f2c9d4
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
        Map<String, Set<LeakIdentity>> covered = new LinkedHashMap<>();
        Map<String, LossRecord> firstRecord = new LinkedHashMap<>();
        for (LeakFinding found : LeakFinding.lostLeaks(run)) {
            for (LeakFinding.Found f : found.records()) {
                String body = Suppressions.forLossRecord(f.result().record(), "NAME");
                covered.computeIfAbsent(body, b -> new LinkedHashSet<>()).add(found.identity());
                firstRecord.putIfAbsent(body, f.result().record());
            }
        }
        StringBuilder text = new StringBuilder("# vgharness: suppressions for the leaks of plan " + run.plan().name()
                + "\n");
        covered.forEach((body, identities) -> {
            LeakIdentity first = identities.iterator().next();
            text.append("# leakIdentity/v2: ")
                    .append(String.join(", ", identities.stream().map(LeakIdentity::hash).toList())).append('\n')
                    .append(Suppressions.forLossRecord(firstRecord.get(body), name(first)));
        });
        return text.toString();
    }

    public static void write(RunResult run, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ReportFiles.writeString(file, text(run));
    }

    private static String name(LeakIdentity identity) {
        List<String> functions = identity.functions();
        String first = functions.isEmpty() ? "unknown" : functions.get(0).replaceAll("[^A-Za-z0-9_]+", "_");
        return "vgharness-" + identity.kind().key() + "-" + first + "-" + identity.hash().substring(0, 8);
    }
}
