package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import dev.vgharness.plan.PlanLoader;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case that nothing stops (no breakpoints, no sampling) runs valgrind alone, without gdb or vgdb, and reports what
 * the same case reports with gdb attached; gdb's version is then not asked for, and the report says so.
 */
class ValgrindAloneEndToEndTest {

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();

    private RunResult run(String yaml) throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, yaml);
        RunOptions options = RunOptions.defaults().withDefaultTimeout(Duration.ofSeconds(60)).withTraffic(log::add);
        return new PlanRunner(options, Clock.systemUTC(), "test").run(PlanLoader.load(plan));
    }

    /** The same program twice: alone, and with gdb attached by a breakpoint that never stops. */
    private RunResult aloneAndAttached(String exe, String args) throws Exception {
        return run("""
                cases:
                  - name: alone
                    command: [%1$s%2$s]
                  - name: attached
                    command: [%1$s%2$s]
                    breakpoints:
                      - id: never
                        at: main
                        condition: "0"
                """.formatted(exe, args));
    }

    @Test
    void aCaseWithoutBreakpointsReportsWhatTheSameCaseReportsWithGdbAttached() throws Exception {
        RunResult run = aloneAndAttached(Fixtures.compile("src/errs.c").toString(), "");
        CaseResult alone = run.cases().get(0);
        CaseResult attached = run.cases().get(1);
        assertEquals(RunStatus.PASSED, attached.status(), attached.error());
        assertEquals(RunStatus.PASSED, alone.status(), alone.error());
        assertNotNull(alone.finalResults());
        assertTrue(alone.finalResults().complete());
        assertFalse(alone.finalResults().errors().isEmpty(), "errs.c makes memcheck errors");
        assertFalse(alone.finalResults().lossRecords().isEmpty(), "errs.c leaks");
        assertEquals(attached.finalResults(), alone.finalResults());
        assertEquals(attached.exit(), alone.exit());
        assertEquals(attached.stdout(), alone.stdout());
        assertEquals(List.of(), alone.stops());
        assertTrue(alone.pid() > 0);
        assertEquals(List.of("[alone] valgrind alone (pid " + alone.pid() + "): nothing stops this case, so no gdb"),
                log.stream().filter(l -> l.startsWith("[alone]")).toList());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("[attached] -> ")), "gdb was driven for 'attached'");
    }

    @Test
    void aCrashAloneEndsSignaledAsItDoesWithGdbAttached() throws Exception {
        RunResult run = aloneAndAttached(Fixtures.compile("src/crash.c").toString(), "");
        CaseResult alone = run.cases().get(0);
        assertEquals(CaseExit.signaled("SIGSEGV"), alone.exit());
        assertEquals(run.cases().get(1).exit(), alone.exit());
        assertEquals(run.cases().get(1).finalResults(), alone.finalResults());
        assertEquals(RunStatus.ERROR, alone.status());
        assertEquals(run.cases().get(1).error(), alone.error());
    }

    @Test
    void anExitCodeAloneIsTheProgramsOwn() throws Exception {
        RunResult run = aloneAndAttached(Fixtures.compile("src/exitcode.c").toString(), "");
        assertEquals(CaseExit.exited(10), run.cases().get(0).exit());
        assertEquals(run.cases().get(1).exit(), run.cases().get(0).exit());
    }

    @Test
    void aPlanWhoseCasesAllRunAloneNeverAsksGdbAndSaysSo() throws Exception {
        RunResult run = run("""
                cases:
                  - name: alone
                    command: [%s, "1"]
                """.formatted(Fixtures.compile("src/leaky.c")));
        assertEquals(RunStatus.PASSED, run.cases().get(0).status(), run.cases().get(0).error());
        assertEquals(PlanRunner.GDB_NOT_USED, run.environment().get("gdb"));
        assertTrue(log.stream().noneMatch(l -> l.contains("-> ")), String.join("\n", log));
    }

    @Test
    void aHangingProgramAloneIsKilledAtItsTimeoutWithItsOutputKept() throws Exception {
        RunResult run = run("""
                cases:
                  - name: hang
                    command: [%s]
                    timeout: 3s
                """.formatted(Fixtures.compile("src/hang.c")));
        CaseResult c = run.cases().get(0);
        assertEquals(CaseExit.timeout(), c.exit());
        assertEquals(RunStatus.ERROR, c.status());
        assertTrue(c.error().startsWith("timed out after 3s"), c.error());
        assertEquals("hanging\n", c.stdout());
    }
}
