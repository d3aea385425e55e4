package dev.vgharness.run;

import dev.vgharness.TestTools;
import dev.vgharness.memcheck.HeuristicTotals;
import dev.vgharness.memcheck.LeakCheckAnswer;
import dev.vgharness.memcheck.LeakCheckParser;
import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.memcheck.LeakTotals;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.vgdb.ShortCommand;
import dev.vgharness.vgdb.ValgrindLaunch;
import dev.vgharness.vgdb.ValgrindProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reference the harness is checked against: the manual way, a plain {@code gdb -batch} attached through vgdb
 * that stops at a breakpoint and sends one monitor command; the text (gdb's stderr in batch mode) parsed as is.
 */
final class PlainGdbSession {

    record Answer(LeakSummary summaryWithoutDeltas, List<String> records) {
    }

    private static final String STOP = "@@stop";

    private PlainGdbSession() {
    }

    /** As vgharness runs gdb: the pipe to vgdb through /bin/sh, never a bash that reads ~/.bashrc (MiSession). */
    private static java.util.Map<String, String> plainShell(java.util.Map<String, String> environment) {
        java.util.Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("SHELL", "/bin/sh");
        return env;
    }

    static Answer leakCheckAt(String program, List<String> args, String location, String monitorCommand)
            throws Exception {
        Path capture = Files.createTempDirectory("vgharness-plain");
        List<String> argv = new ArrayList<>(List.of(program));
        argv.addAll(args);
        try (ValgrindProcess valgrind = ValgrindProcess.start(ValgrindLaunch.of(argv, capture)
                .withValgrind(TestTools.valgrind()))) {
            ShortCommand.Result gdb = ShortCommand.run(List.of(TestTools.gdb(), "-batch", "-nx", "-q", program,
                    "-ex", "target remote | " + String.join(" ", valgrind.vgdbCommand()),
                    "-ex", "monitor v.set vgdb-error 999999", "-ex", "break " + location, "-ex", "continue",
                    "-ex", "monitor " + monitorCommand, "-ex", "kill"), plainShell(valgrind.vgdbEnvironment()),
                    Duration.ofSeconds(60));
            LeakCheckAnswer result = LeakCheckParser.parse(gdb.stderr());
            return new Answer(withoutDeltas(result.summary()), records(result.lossRecords()));
        } finally {
            try (var files = Files.walk(capture)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The answers to one monitor command sent at each of the first {@code stops} stops at the locations (the target is
     * killed after the last), in order.
     */
    static List<LeakCheckAnswer> leakChecksAt(List<String> argv, List<String> valgrindOptions, List<String> locations,
            int stops, String monitorCommand) throws Exception {
        Path capture = Files.createTempDirectory("vgharness-plain");
        List<String> gdbArgs = new ArrayList<>(List.of("gdb", "-batch", "-nx", "-q", argv.get(0)));
        try (ValgrindProcess valgrind = ValgrindProcess.start(ValgrindLaunch.of(argv, capture)
                .withOptions(valgrindOptions).withTimeouts(Duration.ofSeconds(60), Duration.ofMinutes(30)))) {
            gdbArgs.addAll(List.of("-ex", "target remote | " + String.join(" ", valgrind.vgdbCommand()),
                    "-ex", "monitor v.set vgdb-error 999999"));
            locations.forEach(location -> gdbArgs.addAll(List.of("-ex", "break " + location)));
            for (int stop = 0; stop < stops; stop++) {
                gdbArgs.addAll(List.of("-ex", "continue", "-ex", "python gdb.write('" + STOP + "\\n', gdb.STDERR)",
                        "-ex", "monitor " + monitorCommand));
            }
            gdbArgs.addAll(List.of("-ex", "kill"));
            String stderr = ShortCommand.run(gdbArgs, plainShell(valgrind.vgdbEnvironment()), Duration.ofMinutes(30)).stderr();
            List<String> parts = List.of(stderr.split(STOP + "\n", -1));
            return parts.subList(1, parts.size()).stream().map(LeakCheckParser::parse).toList();
        } finally {
            try (var files = Files.walk(capture)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static LeakSummary withoutDeltas(LeakSummary s) {
        return new LeakSummary(plain(s.definitelyLost()), plain(s.indirectlyLost()), plain(s.possiblyLost()),
                plain(s.stillReachable()), plain(s.suppressed()), s.reachableViaHeuristic().stream()
                        .map(h -> new HeuristicTotals(h.heuristic(), h.bytes(), h.blocks(), null, null)).toList());
    }

    private static LeakTotals plain(LeakTotals t) {
        return new LeakTotals(t.bytes(), t.blocks(), null, null);
    }

    static List<String> records(List<?> records) {
        return records.stream().map(r -> r instanceof LossRecordResult result ? result.record() : (LossRecord) r)
                .map(r -> r.number() + "/" + r.of() + " " + r.kind().key() + " " + r.bytes() + " in " + r.blocks()
                        + " at " + r.stack().stream().map(f -> f.function()).collect(Collectors.joining("<")))
                .toList();
    }
}
