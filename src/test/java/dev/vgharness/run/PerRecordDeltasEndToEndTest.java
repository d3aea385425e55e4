package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import dev.vgharness.memcheck.LeakCheckAnswer;
import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LeakTotals;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.plan.LeakCheckAction;
import dev.vgharness.plan.PlanLoader;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.StopLeakCheck;
import dev.vgharness.result.StopResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: the per-record deltas of a plan's filtered checks against Valgrind's own {@code changed} answers at the
 * same stops (a plain gdb session), on {@code fixtures/src/sites.c}: two call sites of one function overtaking each
 * other and a kept block freed later, one stop per phase, each asking a different filter.
 */
@Timeout(300)
class PerRecordDeltasEndToEndTest {

    private static final String CHANGED = "leak_check full reachable changed heuristics all";
    /** Asked first at every stop: whether valgrind's answers reach gdb (the program may send them to the log). */
    private static final String PROBE = "v.info n_errs_found";

    @TempDir
    Path dir;

    @Test
    void theDeltasOfEveryFilteredCheckAreValgrindsOwnChangedAnswerAtTheSameStop() throws Exception {
        String exe = Fixtures.compile("src/sites.c").toString();
        String step = Fixtures.location("src/sites.c", "step");
        CaseResult c = run(exe, step);
        assertEquals(RunStatus.PASSED, c.status(), c.error());
        List<LeakCheckAnswer> valgrind = PlainGdbSession.leakChecksAt(List.of(exe), List.of(), List.of(step), 7,
                CHANGED);
        assertSameDeltas(valgrind, c.stops());
    }

    @Test
    void withASuppressedRecordBlockListsExpandTheRecordsUnderTheNumbersOfTheSecondSearch() throws Exception {
        Path plan = dir.resolve("suppressed.yaml");
        Files.writeString(plan, """
                cases:
                  - name: suppressed
                    command: [%s]
                    valgrind:
                      suppressions: [%s]
                    breakpoints:
                      - id: step
                        at: %s
                        max_hits: 4
                        actions: [leak_check, {block_list: {kinds: [definite]}}]
                """.formatted(Fixtures.compile("src/sites.c"), Fixtures.file("src/sites.supp"),
                Fixtures.location("src/sites.c", "step")));
        CaseResult c = run(plan);
        assertEquals(RunStatus.PASSED, c.status(), c.error());

        // From stop 2 the kept block is suppressed and takes a loss record number Valgrind never prints.
        StopResult third = c.stops().get(2);
        assertEquals(List.of(PROBE, CHANGED, "leak_check full reachable any heuristics all", "block_list 1 limited 100",
                "block_list 2 limited 100"), third.transcript().stream().map(t -> t.command()).toList());
        for (StopResult stop : c.stops()) {
            List<String> expanded = stop.blockLists().stream().map(b -> b.lossRecord() + " " + b.header().bytes() + " "
                    + b.header().blocks() + " " + b.blocks().size()).toList();
            List<String> shown = stop.leakCheck().lossRecords().stream().map(LossRecordResult::record)
                    .filter(r -> r.kind() == LeakKind.DEFINITELY_LOST)
                    .map(r -> r.number() + " " + r.bytes() + " " + r.blocks() + " " + r.blocks()).toList();
            assertEquals(shown, expanded, "stop " + stop.hit());
        }
    }

    /**
     * The scale fixture at a reduced size by default (64 stacks of 20 blocks); {@code -Dvgharness.scale="1024 1100"}
     * (with {@code -Djunit.jupiter.execution.timeout.mode=disabled}) runs it at the size of scripts/bench-scale.
     */
    @Test
    void everyStopOfTheScaleFixtureHasValgrindsOwnChangedDeltas() throws Exception {
        List<String> argv = new ArrayList<>(List.of(Fixtures.compile("src/scale.c").toString()));
        argv.addAll(List.of(System.getProperty("vgharness.scale", "64 20").split(" ")));
        Path plan = dir.resolve("scale.yaml");
        Files.writeString(plan, """
                cases:
                  - name: scale
                    command: [%s]
                    timeout: 30m
                    valgrind:
                      options: [--num-callers=40]
                    breakpoints:
                      - id: built
                        at: heap_built
                      - id: step
                        at: step_done
                        max_hits: 4
                """.formatted(String.join(", ", argv)));
        CaseResult c = run(plan);
        assertEquals(RunStatus.PASSED, c.status(), c.error());

        List<LeakCheckAnswer> valgrind = PlainGdbSession.leakChecksAt(argv, List.of("--num-callers=40"),
                List.of("heap_built", "step_done"), 5, CHANGED);
        assertSameDeltas(valgrind, c.stops());
        // A session of 'any' searches numbers the records as one of 'changed' searches does (the records in
        // Valgrind's table are the same): the harness worked out the numbers of the records it was not sent.
        List<LeakCheckAnswer> any = PlainGdbSession.leakChecksAt(argv, List.of("--num-callers=40"),
                List.of("heap_built", "step_done"), 5, "leak_check full reachable any heuristics all");
        for (int i = 0; i < 5; i++) {
            assertEquals(numbers(any.get(i).lossRecords()), numbers(c.stops().get(i).leakCheck().lossRecords().stream()
                    .map(LossRecordResult::record).toList()), "stop " + (i + 1));
        }
        for (int i = 1; i < 5; i++) {
            assertTrue(valgrind.get(i).lossRecords().size() < 10, "a step changes a few records");
        }
    }

    private static Map<LossRecordKey, String> numbers(List<LossRecord> records) {
        return records.stream().collect(Collectors.toMap(LossRecordKey::of, r -> r.number() + " of " + r.of()));
    }

    /**
     * At every stop: the summary is Valgrind's, with its deltas; every record shown has the deltas Valgrind printed
     * for it (0 when it printed none: unchanged); every live record Valgrind printed that the check asks for is shown
     * under the number Valgrind printed.
     */
    private static void assertSameDeltas(List<LeakCheckAnswer> valgrind, List<StopResult> stops) {
        assertEquals(valgrind.size(), stops.size());
        for (int i = 0; i < stops.size(); i++) {
            StopLeakCheck harness = stops.get(i).leakCheck();
            String where = "stop " + (i + 1) + " (" + harness.command() + ")";
            assertEquals(valgrind.get(i).summary(), harness.summary(), where);
            Map<LossRecordKey, LossRecord> changed = byKey(valgrind.get(i).lossRecords());
            Map<LossRecordKey, LossRecord> shown = byKey(harness.lossRecords().stream().map(LossRecordResult::record)
                    .toList());
            for (LossRecord r : shown.values()) {
                LossRecord printed = changed.get(LossRecordKey.of(r));
                assertEquals(printed == null ? List.of(0L, 0L) : List.of(printed.bytesDelta(), printed.blocksDelta()),
                        List.of(r.bytesDelta(), r.blocksDelta()), where + " " + r);
            }
            if (harness.command().equals(LeakCheckAction.defaults().monitorCommand())) {
                for (LossRecord printed : changed.values()) {
                    LossRecord r = shown.get(LossRecordKey.of(printed));
                    assertEquals(printed.blocks() == 0 ? null : printed.number() + " of " + printed.of(),
                            r == null ? null : r.number() + " of " + r.of(), where + " " + printed);
                }
            }
        }
    }

    @Test
    void theIssuesSitesReadTheirTrueGrowthAndTheFreedBlockIsGone() throws Exception {
        CaseResult c = run(Fixtures.compile("src/sites.c").toString(), Fixtures.location("src/sites.c", "step"));
        assertEquals(RunStatus.PASSED, c.status(), c.error());
        List<List<LossRecordResult>> shown = c.stops().stream().map(s -> s.leakCheck().lossRecords()).toList();

        assertEquals(List.of(), shown.get(1), "stop 2 asked for possibly lost records: there are none");
        assertEquals(Map.of("site_a", 0L, "site_b", 16L), deltasBySite(shown.get(2)));
        assertEquals(Map.of("site_b", 16L), deltasBySite(shown.get(3)), "increased: only site B grew");
        assertEquals(Map.of("site_a", 32L), deltasBySite(shown.get(4)));
        LossRecordResult kept = shown.get(4).stream().filter(LossRecordResult::gone).findFirst().orElseThrow();
        assertEquals(List.of(LeakKind.STILL_REACHABLE, -100L, -1L),
                List.of(kept.record().kind(), kept.record().bytesDelta(), kept.record().blocksDelta()));
        assertEquals(List.of(), shown.get(5), "mode summary shows no record");
        assertEquals(new LeakTotals(96 + 64, 10, 16L, 1L), c.stops().get(5).leakCheck().summary().definitelyLost());
        assertEquals(Map.of("site_a", 0L), deltasBySite(shown.get(6)), "limit 1: the biggest, unchanged since stop 6");
        // After the first stop only the records that changed travel: one search per stop, no second one.
        for (StopResult stop : c.stops()) {
            assertEquals(List.of(PROBE, CHANGED),
                    stop.transcript().stream().map(t -> t.command()).toList());
        }
    }

    private CaseResult run(Path plan) throws Exception {
        return new PlanRunner(RunOptions.defaults().withTranscript(true).withDefaultTimeout(Duration.ofSeconds(120)), Clock.systemUTC(),
                "test").run(PlanLoader.load(plan)).cases().get(0);
    }

    private CaseResult run(String exe, String step) throws Exception {
        List<String> asked = List.of("leak_check", "{leak_check: {kinds: [possible]}}", "leak_check",
                "{leak_check: {delta: increased}}", "{leak_check: {delta: changed}}", "{leak_check: {mode: summary}}",
                "{leak_check: {limit: 1}}");
        StringBuilder yaml = new StringBuilder("cases:\n  - name: sites\n    command: [" + exe + "]\n"
                + "    breakpoints:\n");
        for (int phase = 1; phase <= asked.size(); phase++) {
            yaml.append("      - id: phase").append(phase).append("\n        at: ").append(step)
                    .append("\n        condition: \"phase == ").append(phase).append("\"\n        actions: [")
                    .append(asked.get(phase - 1)).append("]\n");
        }
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, yaml);
        return run(plan);
    }

    /** The bytes delta of each shown record of a call site of fill(), by the site's mark. */
    private static Map<String, Long> deltasBySite(List<LossRecordResult> shown) {
        Map<Integer, String> marks = Map.of(Fixtures.line("src/sites.c", "site_a"), "site_a",
                Fixtures.line("src/sites.c", "site_b"), "site_b");
        List<LossRecord> sites = new ArrayList<>();
        shown.stream().map(LossRecordResult::record)
                .filter(r -> r.stack().size() > 2 && marks.containsKey(r.stack().get(2).line())).forEach(sites::add);
        return sites.stream()
                .collect(Collectors.toMap(r -> marks.get(r.stack().get(2).line()), LossRecord::bytesDelta));
    }

    private static Map<LossRecordKey, LossRecord> byKey(List<LossRecord> records) {
        return records.stream().collect(Collectors.toMap(LossRecordKey::of, Function.identity()));
    }
}
