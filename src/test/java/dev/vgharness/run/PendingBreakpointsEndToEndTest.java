package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LeakTotals;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.CommandOutput;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.StopFrame;
import dev.vgharness.result.StopResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Breakpoints in code that is not loaded when gdb attaches at {@code _start}: a plugin opened with dlopen part-way
 * through (plughost.c, plugin.c) and a shared library the program calls through its PLT (pltcaller.c, counter.c).
 */
class PendingBreakpointsEndToEndTest {

    private static final String PLUGIN = "src/plugin.c";
    private static final String COUNTER = "src/counter.c";

    @TempDir
    Path dir;

    private CaseResult run(String yaml) throws Exception {
        return PlanRunnerEndToEndTest.run(dir, yaml).cases().get(0);
    }

    /** The host loading the plugin and calling plug_run for items 1..N, with these breakpoints. */
    private CaseResult runPlugin(String mode, int items, String breakpoints) throws Exception {
        return run("""
                cases:
                  - name: plugin
                    mode: %s
                    command: [%s, %s, "%d"]
                    breakpoints:
                %s""".formatted(mode, host(), plugin(), items, breakpoints.stripIndent().indent(6)));
    }

    static Path plugin() {
        return Fixtures.sharedLibrary(PLUGIN);
    }

    static Path host() {
        return Fixtures.compile("src/plughost.c", "-ldl");
    }

    static Path pltCaller() {
        Fixtures.sharedLibrary(COUNTER);
        String libs = Fixtures.libraryDir().toString();
        return Fixtures.compile("src/pltcaller.c", "-L" + libs, "-Wl,-rpath," + libs, "-lcounter");
    }

    private static List<String> gdbAnswers(StopResult stop) {
        return stop.gdb().stream().map(CommandOutput::output).map(String::strip).toList();
    }

    @Test
    void aBreakpointInAPluginOpenedPartWayStopsThereWithItsActionsAndHits() throws Exception {
        CaseResult c = runPlugin("memcheck", 3, """
                - id: run
                  at: plug_run
                  max_hits: 3
                  actions:
                    - leak_check
                    - gdb: "print item"
                  expect:
                    hits: 3
                    new_definitely_lost_blocks: "<= 1"
                """);

        assertEquals(RunStatus.PASSED, c.status(), c.error() + " " + c.assertions());
        assertEquals(List.of(1, 2, 3), c.stops().stream().map(StopResult::hit).toList());
        int body = Fixtures.line(PLUGIN, "plugin_alloc");
        for (StopResult stop : c.stops()) {
            assertEquals(new StopFrame("plug_run", Fixtures.file(PLUGIN).toString(), body, stop.frame().address()),
                    stop.frame());
            assertEquals(List.of("$" + stop.hit() + " = " + stop.hit()), gdbAnswers(stop));
        }
        // At the third call the first call's scratch block (24 + 1 bytes) is lost; the second's pointer still sits in
        // the stack slot the third call reuses, until it overwrites it.
        assertEquals(new LeakTotals(25, 1, 25L, 1L), c.stops().get(2).leakCheck().summary().definitelyLost());
        List<LossRecordResult> lost = c.stops().get(2).leakCheck().lossRecords().stream()
                .filter(r -> r.record().kind() == LeakKind.DEFINITELY_LOST).toList();
        assertEquals(1, lost.size());
        assertEquals("plug_run", lost.get(0).record().stack().get(1).function());
        assertEquals(List.of(new Assertion("hits", "== 3", 3L, true, null)), c.assertions());
        assertEquals(CaseExit.exited(0), c.exit());
        assertEquals(new LeakTotals(25 + 26 + 27, 3, 26L + 27, 2L), c.finalResults().summary().definitelyLost());
    }

    @Test
    void aConditionOnAParameterOfAFunctionCalledThroughThePltStopsInTheFunctionItself() throws Exception {
        CaseResult c = run("""
                cases:
                  - name: plt
                    command: [%s]
                    breakpoints:
                      - id: third
                        at: count_item
                        condition: "item == 3"
                        max_hits: 5
                        actions:
                          - gdb: "print item"
                          - gdb: "bt 1"
                        expect:
                          hits: 1
                """.formatted(pltCaller()));

        assertEquals(RunStatus.PASSED, c.status(), c.error() + " " + c.assertions());
        assertEquals(1, c.stops().size());
        StopResult stop = c.stops().get(0);
        assertEquals(new StopFrame("count_item", Fixtures.file(COUNTER).toString(),
                Fixtures.line(COUNTER, "count_alloc"), stop.frame().address()), stop.frame());
        List<String> answers = gdbAnswers(stop);
        assertEquals("$1 = 3", answers.get(0));
        assertTrue(answers.get(1).startsWith("#0  count_item (item=3) at " + Fixtures.file(COUNTER) + ":"),
                answers.get(1));
        assertEquals(CaseExit.exited(0), c.exit());
    }

    @Test
    void aBreakpointNeverSetIsACaseErrorNamingItsLocationAndTheLibrariesLoaded() throws Exception {
        CaseResult c = runPlugin("memcheck", 2, """
                - id: run
                  at: plug_rnu
                """);

        assertEquals(RunStatus.ERROR, c.status());
        assertTrue(c.error().startsWith("breakpoint 'run' at 'plug_rnu' was never set: Function \"plug_rnu\" not"
                + " defined, at the start or in any library loaded later (libraries loaded: "), c.error());
        assertTrue(c.error().contains("libc.so.6, " + plugin() + ";"), c.error());
        assertTrue(c.error().endsWith("; did you mean 'plug_run' in " + plugin() + "?)"), c.error());
        // The program ran to its end all the same, and valgrind's exit-time results are there.
        assertEquals(CaseExit.exited(0), c.exit());
        assertEquals(2, c.finalResults().summary().definitelyLost().blocks());
    }

    @Test
    void aConditionNotValidWhereThePendingBreakpointResolvedIsACaseErrorNamingWhere() throws Exception {
        CaseResult c = runPlugin("memcheck", 2, """
                - id: run
                  at: plug_run
                  condition: "itme == 2"
                """);

        assertEquals(RunStatus.ERROR, c.status());
        assertEquals("breakpoint 'run' at 'plug_run': gdb disabled it at plug_run (" + Fixtures.file(PLUGIN) + ":"
                + Fixtures.line(PLUGIN, "plugin_alloc") + "): its condition 'itme == 2' is not valid there", c.error());
        assertEquals(List.of(), c.stops());
    }

    @Test
    void aSetBreakpointThatIsNeverHitFollowsTheHitsRule() throws Exception {
        CaseResult c = runPlugin("memcheck", 2, """
                - id: version
                  at: plug_version
                  expect:
                    definitely_lost_bytes: 0
                """);

        assertEquals(RunStatus.FAILED, c.status(), c.error());
        assertEquals(List.of("breakpoint 'version' at plug_version has expectations but was never reached"),
                c.assertions().stream().filter(a -> !a.passed()).map(Assertion::message).toList());
    }

    @Test
    void aPendingBreakpointWorksInNativeModeToo() throws Exception {
        CaseResult c = runPlugin("native", 2, """
                - id: run
                  at: plug_run
                  condition: "item == 2"
                  actions:
                    - gdb: "print item"
                """);

        assertEquals(RunStatus.PASSED, c.status(), c.error());
        assertEquals(1, c.stops().size());
        assertEquals("plug_run", c.stops().get(0).frame().function());
        assertEquals(List.of("$1 = 2"), gdbAnswers(c.stops().get(0)));
    }
}
