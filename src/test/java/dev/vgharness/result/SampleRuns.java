package dev.vgharness.result;

import dev.vgharness.Fixtures;
import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LeakSites;
import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.memcheck.LeakTotals;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.memcheck.StackFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Run results built by hand for the writers' tests: leaks that grow, a failed expectation, a case in error. */
public final class SampleRuns {

    public static final String PRELOAD = "/usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so";
    public static final String HOSTILE = "<script>alert(\"x\")</script>'&";

    private SampleRuns() {
    }

    public static StackFrame malloc() {
        return new StackFrame(0x48417B4L, "malloc", null, null, PRELOAD);
    }

    public static StackFrame frame(long address, String function, String file, int line) {
        return new StackFrame(address, function, file, line, null);
    }

    public static LossRecord record(int number, LeakKind kind, long bytes, long blocks, long bytesDelta, List<StackFrame> stack) {
        return new LossRecord(number, 3, kind, bytes, bytes, 0, blocks, bytesDelta, null, null, bytesDelta == 0 ? 0L : 1L,
                false, stack);
    }

    public static List<StackFrame> requestStack(int line) {
        return List.of(malloc(), frame(0x109166L, "handle_request", "leaky.c", line), frame(0x109362L, "main", "leaky.c", 49));
    }

    public static LeakSummary summary(long definite, long definiteDelta, long possible) {
        LeakTotals zero = new LeakTotals(0, 0, 0L, 0L);
        return new LeakSummary(new LeakTotals(definite, definite / 32, definiteDelta, definiteDelta / 32), zero,
                new LeakTotals(possible, possible == 0 ? 0 : 1, 0L, 0L), new LeakTotals(10, 1, 0L, 0L), zero, List.of());
    }

    /** The sources the sample stacks name ({@code fixtures/src}), as a run given that source root reads them. */
    public static Optional<List<String>> sourceLines(String file) {
        Path path = Fixtures.file("src").resolve(file);
        try {
            return Files.isRegularFile(path) ? Optional.of(Files.readAllLines(path)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records of one leak check as a run reports them: with their sites, and flagged when in the baseline. */
    public static List<LossRecordResult> check(List<LossRecord> records, Predicate<LossRecord> baseline) {
        List<List<String>> sites = LeakSites.of(records, SampleRuns::sourceLines);
        List<LossRecordResult> results = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            results.add(new LossRecordResult(records.get(i), baseline.test(records.get(i)), sites.get(i)));
        }
        return results;
    }

    /** The records of one leak check, none in the baseline. */
    public static List<LossRecordResult> check(LossRecord... records) {
        return check(List.of(records), r -> false);
    }

    public static StopResult stop(int hit, long definite, long delta, List<Assertion> assertions) {
        List<LossRecordResult> records = check(List.of(
                record(1, LeakKind.STILL_REACHABLE, 10, 1, 0,
                        List.of(malloc(), new StackFrame(0x48F99A9L, "strdup", "strdup.c", 42, null),
                                frame(0x10931CL, "main", "leaky.c", 43))),
                record(2, LeakKind.POSSIBLY_LOST, 64, 1, 0, List.of(malloc(), frame(0x109330L, "main", "leaky.c", 44))),
                record(3, LeakKind.DEFINITELY_LOST, definite, definite / 32, delta, requestStack(29))),
                r -> r.kind() == LeakKind.POSSIBLY_LOST);
        String output = "==123== LEAK SUMMARY:\n==123==    definitely lost: " + definite + " bytes in 1 blocks\n";
        StopLeakCheck check = new StopLeakCheck("leak_check full reachable any", summary(definite, delta, 64),
                records, output);
        return new StopResult("after_request", hit, 1, new StopFrame("handle_request", "leaky.c", 38, 0x1092D3L), check,
                List.of(), List.of(), List.of(), 0L, 46760L, assertions, List.of(),
                List.of(new CommandOutput("leak_check full reachable any", output + "\u001b[0m ]]> done\n")), 121);
    }

    public static CaseResult growth() {
        Assertion ok = new Assertion("new_definitely_lost_bytes", "<= 32", 32L, true, null);
        Assertion bad = new Assertion("new_definitely_lost_bytes", "<= 32", 64L, false,
                "new_definitely_lost_bytes: expected <= 32, was 64");
        MemcheckError read = new MemcheckError("InvalidRead", "Invalid read of size 4", 1,
                List.of(frame(0x109176L, "handle_request", "leaky.c", 31), frame(0x109362L, "main", "leaky.c", 49)),
                "Address 0x4a5a050 is 0 bytes after a block of size 16 alloc'd", List.of(malloc()), List.of(), null,
                1L, 1);
        FinalResults fin = new FinalResults(summary(128, 32, 64),
                check(record(3, LeakKind.DEFINITELY_LOST, 128, 4, 32, requestStack(29))), List.of(read), true);
        Assertion errors = new Assertion("errors", "0", 1L, false, "errors: expected 0, was 1");
        return new CaseResult("growth", RunStatus.FAILED, null, List.of("./leaky", "4"), 31337, 2500,
                List.of(stop(1, 32, 32, List.of(ok)), stop(2, 96, 64, List.of(bad))), CaseExit.exited(0), fin,
                List.of(errors), "handled 0\nhandled 1\n");
    }

    public static CaseResult hostile() {
        StackFrame evil = new StackFrame(0x1091C2L, HOSTILE, "<b>evil\".c", 7, null);
        LossRecord leak = record(1, LeakKind.DEFINITELY_LOST, 16, 1, 16, List.of(malloc(), evil));
        FinalResults fin = new FinalResults(summary(16, 16, 0), check(leak), List.of(), false);
        return new CaseResult("evil " + HOSTILE, RunStatus.ERROR, "timeout after 1s " + HOSTILE,
                List.of("./evil", HOSTILE), 42, 1000, List.of(), CaseExit.timeout(), fin, List.of(), HOSTILE + "\n");
    }

    /**
     * New leaks of handle_request at two sites: line 29 in two loss records (32 and 96 bytes; other addresses, one
     * identity) and line 33 (40 bytes).
     */
    public static List<LossRecord> requestSites() {
        return List.of(record(1, LeakKind.DEFINITELY_LOST, 32, 1, 32, requestStack(29)),
                record(2, LeakKind.DEFINITELY_LOST, 40, 1, 40, requestStack(33)),
                record(3, LeakKind.DEFINITELY_LOST, 96, 3, 96, List.of(malloc(),
                        frame(0x109999L, "handle_request", "leaky.c", 29), frame(0x109362L, "main", "leaky.c", 49))));
    }

    /** A passed case that only has valgrind's exit-time check, with these records. */
    public static CaseResult exitCase(String name, List<LossRecordResult> records) {
        return new CaseResult(name, RunStatus.PASSED, null, List.of("./" + name), 1, 1, List.of(), CaseExit.exited(0),
                new FinalResults(null, records, List.of(), true), List.of(), null);
    }

    /** The sample run's header with these cases. */
    public static RunResult runOf(CaseResult... cases) {
        RunResult sample = run();
        return new RunResult(sample.tool(), sample.plan(), sample.environment(), sample.startedAt(), 1,
                RunStatus.PASSED, null, List.of(cases));
    }

    public static RunResult run() {
        return new RunResult(new RunResult.Tool("vgharness", "0.1.0"), new RunResult.PlanInfo("server", "plans/server.yaml"),
                Map.of("valgrind", "3.19.0", "gdb", "13.1", "java", "17"), Instant.parse("2026-11-25T21:04:05Z"), 3500,
                RunStatus.ERROR, null, List.of(growth(), hostile()));
    }
}
