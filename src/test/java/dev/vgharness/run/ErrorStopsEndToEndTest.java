package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.memcheck.StackFrame;
import dev.vgharness.plan.PlanLoader;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.FrameLocals;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.StopFrame;
import dev.vgharness.result.StopReason;
import dev.vgharness.result.StopResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code on_error:} on real valgrind and gdb: a stop at each new Memcheck error, with the error and the locals. */
class ErrorStopsEndToEndTest {

    private static final String SOURCE = "src/errstops.c";

    @TempDir
    Path dir;

    private CaseResult run(String caseYaml) throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                cases:
                  - name: errors
                    command: [%s, "3"]
                %s""".formatted(Fixtures.compile(SOURCE), caseYaml.indent(4)));
        RunResult run = new PlanRunner(RunOptions.defaults().withDefaultTimeout(Duration.ofSeconds(60)),
                Clock.systemUTC(), "test").run(PlanLoader.load(plan));
        return run.cases().get(0);
    }

    @Test
    void eachNewErrorStopsOnceWithItsKindFrameAndLocalsAndTheRepeatedReadStopsOnlyOnce() throws Exception {
        CaseResult c = run("on_error: {}");
        assertEquals(RunStatus.PASSED, c.status(), c.error());
        List<StopResult> stops = c.stops();
        assertEquals(List.of(StopReason.ERROR, StopReason.ERROR, StopReason.ERROR),
                stops.stream().map(StopResult::reason).toList());
        assertEquals(List.of("InvalidWrite", "InvalidRead", "UninitCondition"),
                stops.stream().map(s -> s.error().kind()).toList());
        assertEquals(List.of(Fixtures.line(SOURCE, "invalid_write"), Fixtures.line(SOURCE, "invalid_read"),
                Fixtures.line(SOURCE, "uninit_jump")), stops.stream().map(s -> s.frame().line()).toList());
        assertEquals(List.of("error#1", "error#2", "error#3"), stops.stream().map(StopResult::label).toList());
        assertNull(stops.get(0).breakpoint());

        StopResult write = stops.get(0);
        assertEquals(List.of("copy_name", "main"), write.backtrace().stream().map(StopFrame::function).toList());
        FrameLocals copy = write.locals().get(0);
        assertEquals("copy_name", copy.function());
        assertEquals(Map.of("cap", "16", "i", "16"), simple(copy, "cap", "i"));
        assertTrue(copy.variables().stream().anyMatch(v -> v.name().equals("dst") && v.argument()
                && v.type().equals("char *")), copy.toString());
        FrameLocals main = write.locals().get(1);
        assertEquals(Map.of("rounds", "3"), simple(main, "rounds"));
        assertTrue(main.variables().stream().anyMatch(v -> v.name().equals("values") && v.value() == null
                && v.type().equals("int [4]")), "an array has a type and no simple value: " + main);
        assertEquals("cap = 16, i = 16", describe(copy, "i", "cap"), "arguments first, in gdb's order");

        assertEquals(Map.of("count", "4"), simple(stops.get(1).locals().get(0), "count"));
    }

    @Test
    void theErrorAtEachStopEqualsTheSameErrorInValgrindsExitTimeXml() throws Exception {
        CaseResult c = run("on_error: {locals: false}");
        List<MemcheckError> atExit = c.finalResults().errors();
        assertEquals(3, atExit.size());
        for (int i = 0; i < 3; i++) {
            MemcheckError stopped = c.stops().get(i).error();
            assertEquals(atExit.get(i).kind(), stopped.kind());
            assertEquals(functionsAndLines(atExit.get(i).stack()), functionsAndLines(stopped.stack()));
            assertEquals(List.of(), c.stops().get(i).locals());
        }
    }

    @Test
    void afterMaxStopsLaterErrorsDoNotStopAndTheCaseSaysSo() throws Exception {
        CaseResult c = run("on_error: {max_stops: 2, frames: 1}");
        assertEquals(RunStatus.PASSED, c.status(), c.error());
        assertEquals(2, c.stops().size());
        assertEquals(1, c.stops().get(0).locals().size());
        assertEquals(3, c.finalResults().errors().size());
        assertEquals(List.of("on_error: stopped at the first 2 errors (max_stops); later errors were counted but did"
                + " not stop"), c.notes());
    }

    @Test
    void errorStopsRunTheirActionsAndExpectationsBetweenBreakpointStops() throws Exception {
        CaseResult c = run("""
                on_error:
                  max_stops: 1
                  actions: [leak_check]
                  expect: {errors: 1}
                breakpoints:
                  - id: lost
                    at: errstops.c:%d
                    actions: [leak_check]
                """.formatted(Fixtures.line(SOURCE, "lost")));
        assertEquals(RunStatus.PASSED, c.status(), c.error() + " " + c.stops());
        assertEquals(List.of("error#1", "lost#1"), c.stops().stream().map(StopResult::label).toList());
        assertEquals(1L, c.stops().get(0).errors());
        assertTrue(c.stops().get(0).leakCheck() != null);
        // n_errs_found counts every occurrence: 2 bytes written past the block, 3 reads past it, 1 jump.
        assertEquals(6L, c.stops().get(1).errors());
    }

    private static Map<String, String> simple(FrameLocals frame, String... names) {
        List<String> wanted = List.of(names);
        return frame.variables().stream().filter(v -> wanted.contains(v.name()))
                .collect(Collectors.toMap(FrameLocals.Variable::name, FrameLocals.Variable::value));
    }

    private static String describe(FrameLocals frame, String... names) {
        List<String> wanted = List.of(names);
        return new FrameLocals(frame.frame(), frame.function(), frame.file(), frame.line(),
                frame.variables().stream().filter(v -> wanted.contains(v.name())).toList()).describe();
    }

    private static List<String> functionsAndLines(List<StackFrame> stack) {
        return stack.stream().map(f -> f.function() + ":" + f.line()).toList();
    }
}
