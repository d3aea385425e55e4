package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vgharness.DocSchemas;
import dev.vgharness.EndToEnd;
import dev.vgharness.Fixtures;
import dev.vgharness.RunProcesses;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
import dev.vgharness.memcheck.Block;
import dev.vgharness.memcheck.BlockList;
import dev.vgharness.memcheck.IndirectBlock;
import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.memcheck.LeakTotals;
import dev.vgharness.memcheck.PointerLocation;
import dev.vgharness.memcheck.PointerOwner;
import dev.vgharness.memcheck.PointerSearch;
import dev.vgharness.plan.PlanLoader;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.CommandOutput;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.StopLeakCheck;
import dev.vgharness.result.StopResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans run for real: valgrind, vgdb and gdb on fixture programs compiled with gcc -g -O0. */
@EndToEnd({Tool.VALGRIND, Tool.GDB, Tool.COMPILERS})
class PlanRunnerEndToEndTest {

    @TempDir
    Path dir;

    private RunResult run(String yaml) throws Exception {
        return run(dir, yaml, RunOptions.defaults());
    }

    private RunResult run(String yaml, RunOptions options) throws Exception {
        return run(dir, yaml, options);
    }

    /** Writes the plan into {@code dir} and runs it, each case with a 60 s timeout. */
    static RunResult run(Path dir, String yaml) throws Exception {
        return run(dir, yaml, RunOptions.defaults());
    }

    static RunResult run(Path dir, String yaml, RunOptions options) throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, yaml);
        return DocSchemas.valid(new PlanRunner(options.withTools(TestTools.valgrind(), TestTools.gdb())
                .withDefaultTimeout(Duration.ofSeconds(60)), Clock.systemUTC(), "test").run(PlanLoader.load(plan)));
    }

    private static String exe(String source) {
        return Fixtures.compile(source).toString();
    }

    @Test
    void growthIsMeasuredPerHitWithIgnoreMaxHitsAndHarnessDeltas() throws Exception {
        RunResult run = run("""
                cases:
                  - name: growth
                    command: [%s, "5"]
                    breakpoints:
                      - id: done
                        at: leaky.c:%d
                        ignore: 1
                        max_hits: 3
                        expect:
                          new_definitely_lost_bytes: "> 0"
                """.formatted(exe("src/leaky.c"), Fixtures.line("src/leaky.c", "after_request")));
        CaseResult c = run.cases().get(0);
        assertEquals(RunStatus.PASSED, c.status(), c.error());
        assertEquals(List.of(1, 2, 3), c.stops().stream().map(StopResult::hit).toList());
        // ignore 1: the first stop is after request 1 (0-based), whose scratch buffer of 32+1 bytes is lost.
        List<LeakTotals> definite = c.stops().stream().map(s -> s.leakCheck().summary().definitelyLost()).toList();
        for (int i = 1; i < definite.size(); i++) {
            assertEquals(definite.get(i).bytes() - definite.get(i - 1).bytes(), definite.get(i).bytesDelta());
        }
        // At the first check the deltas count from the start of the program.
        assertEquals(new LeakTotals(32 + 33 + 40, 3, 105L, 3L), definite.get(0));
        assertEquals(CaseExit.exited(0), c.exit());
    }

    @Test
    void everyLeakKindMatchesWhatValgrindPrintsToAPlainGdbSession() throws Exception {
        String exe = exe("src/leaky.c");
        int line = Fixtures.line("src/leaky.c", "before_exit");
        RunResult run = run("""
                cases:
                  - name: kinds
                    command: [%s, "2"]
                    breakpoints:
                      - id: end
                        at: leaky.c:%d
                """.formatted(exe, line));
        StopResult stop = run.cases().get(0).stops().get(0);
        PlainGdbSession.Answer plain = PlainGdbSession.leakCheckAt(exe, List.of("2"), "leaky.c:" + line,
                stop.leakCheck().command());
        assertEquals(plain.summaryWithoutDeltas(), PlainGdbSession.withoutDeltas(stop.leakCheck().summary()));
        assertEquals(plain.records(), PlainGdbSession.records(stop.leakCheck().lossRecords()));
        for (LeakKind kind : LeakKind.values()) {
            assertTrue(stop.leakCheck().summary().of(kind).blocks() > 0, kind + " is in the fixture");
        }
    }

    @Test
    void blockListsShowIndirectTreesAndWhoPointsAtFindsTheGlobal() throws Exception {
        RunResult run = run("""
                cases:
                  - name: trees
                    command: [%s, "1"]
                    breakpoints:
                      - id: end
                        at: leaky.c:%d
                        actions:
                          - leak_check
                          - block_list: {kinds: [definite]}
                          - who_points_at: {kinds: [possible]}
                """.formatted(exe("src/leaky.c"), Fixtures.line("src/leaky.c", "before_exit")));
        StopResult stop = run.cases().get(0).stops().get(0);
        BlockList tree = stop.blockLists().stream().filter(b -> b.header().indirectBytes() > 0).findFirst().orElseThrow();
        Block root = tree.blocks().get(0);
        assertEquals(40, root.size());
        assertEquals(List.of(1, 2, 2, 1, 2, 2), root.indirect().stream().map(IndirectBlock::depth).toList());
        assertEquals(6 * 40L, root.indirect().stream().mapToLong(IndirectBlock::size).sum());
        PointerSearch search = stop.whoPointsAt().get(0);
        assertEquals(64, search.length());
        PointerOwner owner = search.pointers().get(0);
        assertEquals(PointerLocation.GLOBAL, owner.kind());
        assertTrue(owner.interior());
        assertEquals(16, owner.offset());
        assertTrue(owner.description().contains("\"interior\""), owner.description());
    }

    @Test
    void aConditionStopsInTheRightWorkerThread() throws Exception {
        RunResult run = run("""
                cases:
                  - name: threads
                    command: [%s]
                    breakpoints:
                      - id: worker2
                        at: threads.c:%d
                        condition: "worker_id == 2"
                        actions: [leak_check, {gdb: "print worker_id"}]
                        expect:
                          hits: 1
                """.formatted(exe("src/threads.c"), Fixtures.line("src/threads.c", "worker")));
        CaseResult c = run.cases().get(0);
        assertEquals(RunStatus.PASSED, c.status(), c.error() + " " + c.assertions());
        StopResult stop = c.stops().get(0);
        assertEquals("worker", stop.frame().function());
        assertTrue(stop.thread() > 1, "a worker thread, not main: " + stop.thread());
        assertEquals("$1 = 2\n", stop.gdb().get(0).output());
    }

    @Test
    void aCrashBySigsegvIsReportedWithTheExitTimeLeaks() throws Exception {
        String yaml = """
                cases:
                  - name: crash
                    command: [%s]
                    expect: {signal: SIGSEGV, definitely_lost_bytes: 77}
                  - name: unexpected-crash
                    command: [%s]
                """.formatted(exe("src/crash.c"), exe("src/crash.c"));
        RunResult run = run(yaml);
        CaseResult expected = run.cases().get(0);
        assertEquals(RunStatus.PASSED, expected.status(), expected.error() + " " + expected.assertions());
        assertEquals(CaseExit.signaled("SIGSEGV"), expected.exit());
        CaseResult unexpected = run.cases().get(1);
        assertEquals(RunStatus.ERROR, unexpected.status());
        assertTrue(unexpected.error().startsWith("the target was killed by SIGSEGV"), unexpected.error());
        assertEquals(RunStatus.ERROR, run.status());
    }

    @Test
    void memoryErrorsAreCountedAndLeakRecordsNeverAre() throws Exception {
        RunResult run = run("""
                cases:
                  - name: errors
                    command: [%s]
                    breakpoints:
                      - id: end
                        at: errors.c:%d
                        expect: {errors: 2}
                    expect: {errors: 2, exit_code: 0}
                """.formatted(exe("src/errors.c"), Fixtures.line("src/errors.c", "before_exit")));
        CaseResult c = run.cases().get(0);
        assertEquals(RunStatus.PASSED, c.status(), c.error() + " " + c.assertions());
        assertEquals(2L, c.stops().get(0).errors());
        assertEquals(List.of("InvalidRead", "UninitCondition"),
                c.finalResults().errors().stream().map(e -> e.kind()).toList());
    }

    @Test
    void failingExpectationsFailTheCaseWithTheirNumbers() throws Exception {
        RunResult run = run("""
                cases:
                  - name: strict
                    command: [%s, "1"]
                    breakpoints:
                      - id: end
                        at: leaky.c:%d
                        expect: {definitely_lost_bytes: 0}
                    expect: {exit_code: 3}
                """.formatted(exe("src/leaky.c"), Fixtures.line("src/leaky.c", "before_exit")));
        CaseResult c = run.cases().get(0);
        assertEquals(RunStatus.FAILED, c.status());
        Assertion atStop = c.stops().get(0).assertions().get(0);
        assertEquals("definitely_lost_bytes", atStop.metric());
        assertEquals(false, atStop.passed());
        assertEquals(new Assertion("exit_code", "== 3", 0L, false, "exit_code: expected == 3, was 0"),
                c.assertions().get(0));
    }

    @Test
    void aTimeoutKillsTheTargetAndKeepsWhatWasGathered() throws Exception {
        RunProcesses processes = RunProcesses.ofThisJvm();
        RunResult run = run("""
                cases:
                  - name: hangs
                    command: [%s]
                    timeout: 6s
                    breakpoints:
                      - id: before
                        at: hang.c:%d
                """.formatted(exe("src/hang.c"), Fixtures.line("src/hang.c", "before_hang")));
        CaseResult c = run.cases().get(0);
        assertEquals(RunStatus.ERROR, c.status());
        assertEquals(CaseExit.timeout(), c.exit());
        assertTrue(c.error().startsWith("timed out after 6s"), c.error());
        assertEquals(1, c.stops().size());
        assertNotNull(c.stops().get(0).leakCheck());
        assertEquals(List.of(), processes.alive("--pid=" + c.pid()), "no process of the case is left");
    }

    @Test
    void aBreakpointNoCodeDefinesIsACaseErrorNamingItOnceTheProgramHasRun() throws Exception {
        RunResult run = run("""
                cases:
                  - name: nowhere
                    command: [%s]
                    breakpoints:
                      - id: missing
                        at: handle_reqeust
                """.formatted(exe("src/leaky.c")));
        CaseResult c = run.cases().get(0);
        assertEquals(RunStatus.ERROR, c.status());
        assertTrue(c.error().startsWith("breakpoint 'missing' at 'handle_reqeust' was never set: Function"
                + " \"handle_reqeust\" not defined, at the start or in any library loaded later (libraries loaded: "),
                c.error());
        assertTrue(c.error().endsWith("; did you mean 'handle_request' in the program?)"), c.error());
        assertEquals(CaseExit.exited(0), c.exit());
    }

    @Test
    void aConditionNotValidAtTheBreakpointIsACaseErrorAtOnce() throws Exception {
        int line = Fixtures.line("src/leaky.c", "request_done");
        RunResult run = run("""
                cases:
                  - name: typo
                    command: [%s]
                    breakpoints:
                      - id: done
                        at: leaky.c:%d
                        condition: "idd == 1"
                """.formatted(exe("src/leaky.c"), line));
        CaseResult c = run.cases().get(0);
        assertEquals(RunStatus.ERROR, c.status());
        assertEquals("breakpoint 'done' at 'leaky.c:" + line + "': gdb cannot set it: No symbol \"idd\" in current"
                + " context.", c.error());
    }

    @Test
    void aMissingProgramIsACaseError() throws Exception {
        RunResult run = run("""
                cases:
                  - name: ghost
                    command: [/nonexistent/program]
                """);
        CaseResult c = run.cases().get(0);
        assertEquals(RunStatus.ERROR, c.status());
        assertTrue(c.error().contains("/nonexistent/program"), c.error());
        assertEquals(null, c.exit());
    }

    @Test
    void aLimitedCheckShowsValgrindsBiggestRecordsWithTheTrueSummaryFromOneUnlimitedSearch() throws Exception {
        String exe = exe("src/leaky.c");
        int line = Fixtures.line("src/leaky.c", "before_exit");
        RunResult run = run("""
                cases:
                  - name: limited
                    command: [%s, "2"]
                    breakpoints:
                      - id: end
                        at: leaky.c:%d
                        actions: [{leak_check: {limit: 2}}]
                """.formatted(exe, line), RunOptions.defaults().withTranscript(true));
        StopResult stop = run.cases().get(0).stops().get(0);
        assertEquals(List.of("v.info n_errs_found", "leak_check full reachable changed heuristics all"),
                stop.transcript().stream().map(CommandOutput::command).toList());
        PlainGdbSession.Answer limited = PlainGdbSession.leakCheckAt(exe, List.of("2"), "leaky.c:" + line,
                "leak_check full reachable any limited 2 heuristics all");
        assertEquals(limited.records(), PlainGdbSession.records(stop.leakCheck().lossRecords()));
        PlainGdbSession.Answer whole = PlainGdbSession.leakCheckAt(exe, List.of("2"), "leaky.c:" + line,
                "leak_check full reachable any heuristics all");
        assertEquals(whole.summaryWithoutDeltas(), PlainGdbSession.withoutDeltas(stop.leakCheck().summary()));
        assertTrue(!limited.summaryWithoutDeltas().equals(whole.summaryWithoutDeltas()),
                "valgrind's own summary of a limited search is wrong, which is why the harness never sends one");
    }

    @Test
    void aStopsErrorCountIsTheProbesAnswerUnlessAnActionRanProgramCodeAfterIt() throws Exception {
        String exe = exe("src/errs.c");
        String at = "errs.c:" + Fixtures.line("src/errs.c", "call_bad_write");
        RunResult run = run("""
                cases:
                  - name: checks-only
                    command: [%1$s]
                    breakpoints:
                      - {id: before, at: "%2$s", actions: [leak_check]}
                  - name: calls-into-the-program
                    command: [%1$s]
                    breakpoints:
                      - {id: before, at: "%2$s", actions: [leak_check, {gdb: "call bad_write()"}]}
                """.formatted(exe, at), RunOptions.defaults().withTranscript(true));
        StopResult checksOnly = run.cases().get(0).stops().get(0);
        StopResult calls = run.cases().get(1).stops().get(0);
        String probe = "v.info n_errs_found";
        String check = "leak_check full reachable changed heuristics all";
        // Two invalid reads before the stop; monitor commands run no program code, so the first probe's count holds.
        assertEquals(List.of(probe, check), checksOnly.transcript().stream().map(CommandOutput::command).toList());
        assertEquals(2L, checksOnly.errors());
        // The call writes past a block: the count is asked again, and has the new error.
        assertEquals(List.of(probe, check, probe), calls.transcript().stream().map(CommandOutput::command).toList());
        assertEquals(3L, calls.errors());
    }

    @Test
    void deltaNewOnValgrindBefore321IsAClearCaseError() throws Exception {
        assumeFalse(TestTools.valgrindIsAtLeast(3, 21), () -> "needs valgrind 3.20 or older to refuse 'delta: new'; "
                + TestTools.valgrind() + " is " + TestTools.valgrindVersion());
        RunResult run = run(newRecordsPlan());
        CaseResult c = run.cases().get(0);
        assertEquals(RunStatus.ERROR, c.status());
        assertEquals("leak_check 'delta: new' needs valgrind 3.21 or newer; this is " + run.environment().get("valgrind")
                + " (use 'increased' or 'changed')", c.error());
    }

    @Test
    void deltaNewFrom321OnShowsOnlyTheRecordsThatAppearedSinceTheLastCheck() throws Exception {
        assumeTrue(TestTools.valgrindIsAtLeast(3, 21), () -> "needs valgrind 3.21 or newer for 'leak_check ... new'; "
                + TestTools.valgrind() + " is " + TestTools.valgrindVersion());
        RunResult run = run(newRecordsPlan(), RunOptions.defaults().withTranscript(true));
        CaseResult c = run.cases().get(0);
        assertEquals(RunStatus.PASSED, c.status(), c.error());
        List<StopResult> stops = c.stops();
        assertEquals(3, stops.size());
        // The check says what the plan asked; Valgrind was sent the harness's tracking search (docs/leak-deltas.md).
        String command = stops.get(0).leakCheck().command();
        assertTrue(command.startsWith("leak_check full ") && command.contains(" new "), command);
        // After the probe that valgrind's answers reach gdb.
        assertEquals(List.of("v.info n_errs_found", "leak_check full reachable changed heuristics all"), stops.get(0).transcript().stream().map(CommandOutput::command).toList());
        // The first search has nothing before it: every record is new.
        List<LossRecordResult> first = stops.get(0).leakCheck().lossRecords();
        assertTrue(!first.isEmpty() && first.stream().allMatch(r -> r.record().newRecord()), first.toString());
        // Later requests leak from the same call sites: their records grow, but a grown record is not a new one.
        StopLeakCheck last = stops.get(2).leakCheck();
        assertEquals(List.of(), last.lossRecords());
        assertTrue(last.summary().definitelyLost().bytesDelta() > 0, last.summary().toString());
    }

    /** Three stops after requests of leaky.c, each with a leak check that shows only new records. */
    private static String newRecordsPlan() {
        return """
                cases:
                  - name: new-records
                    command: [%s, "4"]
                    breakpoints:
                      - id: done
                        at: leaky.c:%d
                        max_hits: 3
                        actions: [{leak_check: {delta: new}}]
                """.formatted(exe("src/leaky.c"), Fixtures.line("src/leaky.c", "after_request"));
    }

    @Test
    void exitTimeCountsOfAThousandAndMoreAreReadFromTheXmlOfAnyValgrind() throws Exception {
        // valgrind 3.26+ writes a <leak_summary> with thousands separators; before, the records are added up
        RunResult run = run("""
                cases:
                  - name: separators
                    command: [%s]
                    expect:
                      definitely_lost_bytes: 10920
                      definitely_lost_blocks: 6
                      indirectly_lost_bytes: 186000
                      indirectly_lost_blocks: 1200
                      still_reachable_bytes: 1234567
                """.formatted(exe("src/separators.c")));
        CaseResult c = run.cases().get(0);

        assertEquals(RunStatus.PASSED, c.status(), c.error() + " " + c.assertions());
        assertEquals(new LeakSummary(new LeakTotals(10_920, 6, null, null), new LeakTotals(186_000, 1_200, null, null),
                LeakTotals.ZERO, new LeakTotals(1_234_567, 1, null, null), LeakTotals.ZERO, List.of()),
                PlainGdbSession.withoutDeltas(c.finalResults().summary()));
        assertEquals(List.of(1_320L, 186_000L, 195_600L, 1_234_567L),
                c.finalResults().lossRecords().stream().map(r -> r.record().bytes()).toList());
    }

    @Test
    void targetArgvNeverPassesThroughAShell() throws Exception {
        RunResult run = run("""
                cases:
                  - name: literal
                    command: [/bin/echo, "a;b", "$(touch pwned)", "'q'", "*", "`id`"]
                """);
        CaseResult c = run.cases().get(0);
        assertEquals(RunStatus.PASSED, c.status(), c.error());
        assertEquals("a;b $(touch pwned) 'q' * `id`\n", c.stdout());
        assertEquals(false, Files.exists(dir.resolve("pwned")));
    }

    @Test
    void memcheckStopsCarryTheValgrindProcessMemoryForTheTrend() throws Exception {
        RunResult run = run("""
                cases:
                  - name: trend
                    command: [%s, small, "2"]
                    breakpoints:
                      - id: done
                        at: request_done
                        max_hits: 2
                        actions: [{leak_check: {mode: summary}}]
                        expect:
                          rss_kb: "> 0"
                          new_definitely_lost_bytes: "<= 2400"
                """.formatted(exe("src/growth.c")));
        CaseResult c = run.cases().get(0);

        assertEquals(RunStatus.PASSED, c.status(), c.error() + " " + c.stops().stream().map(StopResult::assertions).toList()
                + c.assertions());
        StopResult second = c.stops().get(1);
        // Each request leaks 100 x 24 bytes (at the first stop the last block may still be in a register).
        assertEquals(2400L, c.stops().get(1).assertions().get(1).actual());
        // No mallinfo under Memcheck (valgrind replaces malloc); /proc is valgrind's process, deltas from stop 1.
        assertEquals(List.of(true, true, true), List.of(second.memory().mallinfo() == null,
                second.memory().growth() == null, second.memory().proc().rssKb() == second.rssKb()));
        assertEquals(second.memory().proc().rssKb() - c.stops().get(0).memory().proc().rssKb(),
                second.memory().procDelta().rssKb());
    }
}
