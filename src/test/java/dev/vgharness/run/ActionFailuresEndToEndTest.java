package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import dev.vgharness.memcheck.PointerSearch;
import dev.vgharness.result.ActionFailure;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.LeftOut;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.StopResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Actions that fail, take too long or would flood the report, on {@code robust.c}: a failure is recorded at its stop
 * and the target still runs to its end, so the later stops and valgrind's exit-time results are kept.
 */
class ActionFailuresEndToEndTest {

    @TempDir
    Path dir;

    private CaseResult run(String steps, String actions, RunOptions options) throws Exception {
        return PlanFiles.run(dir, "plan.yaml", """
                cases:
                  - name: robust
                    command: [%s, %s]
                    breakpoints:
                      - id: cp
                        at: "robust.c:%d"
                        max_hits: 2
                        actions: %s
                """.formatted(Fixtures.compile("src/robust.c"), steps, Fixtures.line("src/robust.c", "checkpoint"),
                actions), options).cases().get(0);
    }

    private CaseResult run(String steps, String actions) throws Exception {
        return run(steps, actions, RunOptions.defaults());
    }

    @Test
    void aMonitorComplaintFailsTheCaseWhileTheTargetRunsOnToItsExitResults() throws Exception {
        CaseResult c = run("definite, \"3\", stops, \"2\"", "[{monitor: \"leak_chek full\"}, leak_check]");

        assertEquals(RunStatus.ERROR, c.status());
        assertEquals("stop cp#1: monitor 'leak_chek full' failed: command 'leak_chek full' not recognised (if that is"
                + " expected, say 'allow_failure: true' on the action)", c.error());
        assertEquals(List.of(1, 2), c.stops().stream().map(StopResult::hit).toList(), "the second stop is acted on");
        for (StopResult stop : c.stops()) {
            assertEquals(List.of(new ActionFailure("monitor 'leak_chek full'",
                    "command 'leak_chek full' not recognised", false)), stop.failures());
            assertNull(stop.leakCheck(), "a failure not allowed ends the stop's actions");
        }
        assertEquals(CaseExit.exited(0), c.exit());
        assertEquals(72, c.finalResults().summary().definitelyLost().bytes());
    }

    @Test
    void allowedFailuresAreRecordedAndTheStopGoesOn() throws Exception {
        CaseResult c = run("definite, \"3\", stops, \"1\"", """
                [{monitor: "block_list 999", allow_failure: true}, {gdb: "print no_such_variable", allow_failure: true},
                         leak_check]""");

        assertEquals(RunStatus.PASSED, c.status(), c.error());
        StopResult stop = c.stops().get(0);
        assertEquals(List.of(new ActionFailure("monitor 'block_list 999'",
                        "Can't print block list : no valid leak search result; invalid loss record nr", true),
                new ActionFailure("gdb 'print no_such_variable'",
                        "No symbol \"no_such_variable\" in current context.", true)), stop.failures());
        assertEquals(72, stop.leakCheck().summary().definitelyLost().bytes());
    }

    @Test
    void aCommandPastItsDeadlineIsWaitedForAndTheNextStopIsActedOn() throws Exception {
        // v.wait keeps the gdbserver busy for 5 s: longer than the 2 s every command gets here.
        CaseResult c = run("definite, \"3\", stops, \"2\"", "[{monitor: \"v.wait 5000\"}, leak_check]",
                RunOptions.defaults().withCommandTimeout(Duration.ofSeconds(2)));

        assertEquals(RunStatus.ERROR, c.status());
        assertEquals(2, c.stops().size());
        ActionFailure late = c.stops().get(0).failures().get(0);
        assertTrue(late.message().startsWith("vgdb did not answer 'monitor v.wait 5000' within 2 s"), late.message());
        assertTrue(late.message().contains("later and was dropped"), late.message());
        assertEquals(false, late.sessionLost());
        assertEquals(CaseExit.exited(0), c.exit());
        assertEquals(72, c.finalResults().summary().definitelyLost().bytes());
    }

    @Test
    void aProgramThatSendsMonitorOutputToTheLogGetsItBackToGdb() throws Exception {
        CaseResult c = run("definite, \"3\", redirect, stops, \"1\"", "[leak_check]");

        assertEquals(RunStatus.PASSED, c.status(), c.error());
        StopResult stop = c.stops().get(0);
        assertEquals(72, stop.leakCheck().summary().definitelyLost().bytes());
        assertEquals(List.of("the program had sent valgrind's output to its log ('v.set log_output'): vgharness gave"
                + " monitor output back to gdb ('v.set mixed_output') before its own commands"), stop.notes());
    }

    @Test
    void blockListAndWhoPointsAtKeepToTheirLimitsAndSayWhatTheyLeftOut() throws Exception {
        CaseResult c = run("definite, \"500\", possible, \"50\", stops, \"1\"",
                "[leak_check, {block_list: {kinds: [definite]}}, {who_points_at: {kinds: [possible], limit: 5}}]");

        StopResult stop = c.stops().get(0);
        assertEquals(List.of(100), stop.blockLists().stream().map(b -> b.blocks().size()).toList());
        // Block i of the possibly lost ones has 16 + 8 i bytes: the five largest are searched, over their size.
        assertEquals(List.of(408L, 400L, 392L, 384L, 376L),
                stop.whoPointsAt().stream().map(PointerSearch::length).toList());
        int definite = stop.blockLists().get(0).lossRecord();
        assertEquals(List.of(new LeftOut("block_list", definite, 100, 100, 400),
                new LeftOut("who_points_at", null, 5, 5, 45)), stop.leftOut());
    }

    @Test
    void aStopKeepsTheRawMonitorTextOnlyWhenATranscriptIsAsked() throws Exception {
        StopResult plain = run("definite, \"3\", stops, \"1\"", "[leak_check]").stops().get(0);
        StopResult kept = run("definite, \"3\", stops, \"1\"", "[leak_check]",
                RunOptions.defaults().withTranscript(true)).stops().get(0);

        assertEquals(List.of(), plain.transcript());
        assertNull(plain.leakCheck().output());
        assertEquals(List.of("v.info n_errs_found", "leak_check full reachable changed heuristics all"), kept.transcript().stream().map(t -> t.command()).toList());
        assertNotNull(kept.leakCheck().output());
    }

    @Test
    void aGdbActionThatFailsInNativeModeIsRecordedAndTheTargetRunsOn() throws Exception {
        CaseResult c = PlanFiles.run(dir, "native.yaml", """
                cases:
                  - name: native
                    mode: native
                    command: [%s, stops, "2"]
                    breakpoints:
                      - id: cp
                        at: checkpoint
                        max_hits: 2
                        actions: [{gdb: "print no_such_variable"}, {gdb: "print n"}]
                """.formatted(Fixtures.compile("src/robust.c")), RunOptions.defaults()).cases().get(0);

        assertEquals(RunStatus.ERROR, c.status());
        assertEquals(CaseExit.exited(0), c.exit());
        assertEquals(2, c.stops().size());
        assertEquals(List.of(new ActionFailure("gdb 'print no_such_variable'",
                "No symbol \"no_such_variable\" in current context.", false)), c.stops().get(1).failures());
        assertEquals(List.of(), c.stops().get(1).gdb(), "the stop's actions ended at the failure");
    }
}
