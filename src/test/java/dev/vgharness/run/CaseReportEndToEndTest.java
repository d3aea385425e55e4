package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import dev.vgharness.report.SourceRoots;
import dev.vgharness.report.TextSummary;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a case says about itself, from one run of four cases of {@code robust.c}: the target's stderr kept apart
 * from valgrind's log, a breakpoint on malloc warned about, loss-record numbers explained, and a case whose target
 * never ran without an exit summary.
 */
class CaseReportEndToEndTest {

    @TempDir
    static Path dir;

    private static RunResult run;
    private static String summary;

    @BeforeAll
    static void runThePlan() throws Exception {
        String robust = Fixtures.compile("src/robust.c").toString();
        run = PlanFiles.run(dir, "plan.yaml", """
                cases:
                  - name: complains
                    command: [%1$s, definite, "3", hold, "4", stops, "1", release, complain, fail, "2"]
                    breakpoints:
                      - {id: cp, at: checkpoint}
                    expect: {exit_code: 0}
                  - name: on-malloc
                    command: [%1$s, definite, "3"]
                    breakpoints:
                      - {id: m, at: malloc}
                  - name: nowhere
                    command: [/nonexistent/nowhere, definite, "3"]
                    breakpoints:
                      - {id: b, at: no_such_function}
                """.formatted(robust), RunOptions.defaults().withJobs(2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TextSummary.print(run, new SourceRoots(List.of()), new PrintStream(out, true, StandardCharsets.UTF_8));
        summary = out.toString(StandardCharsets.UTF_8);
    }

    private static CaseResult named(String name) {
        return run.cases().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theTargetsStderrIsKeptWithoutValgrindsLogAndShownUnderAFailedCase() {
        CaseResult c = named("complains");

        assertEquals(RunStatus.FAILED, c.status());
        assertEquals("robust: parse error at 1:7: unexpected '}'\n", c.stderr());
        assertEquals("checkpoint 1\n", c.stdout());
        assertTrue(summary.contains("""
                       stderr of the target:
                       | robust: parse error at 1:7: unexpected '}'
                """), summary);
    }

    @Test
    void exitRecordNumbersCountingRecordsOfEarlierSearchesAreExplained() {
        CaseResult c = named("complains");

        // The 4 held blocks made a record at the stop; freed before exit, it is counted but not listed.
        assertEquals(1, c.finalResults().lossRecords().size());
        assertEquals(3, c.finalResults().lossRecords().get(0).record().of());
        assertEquals("valgrind numbers these loss records 'of 3' while it lists 1: the 2 others are suppressed records"
                + " and records left from the leak search at stops and samples (all their blocks were freed since); a"
                + " run without stops numbers the same records 'of' fewer", c.finalResults().note());
    }

    @Test
    void aBreakpointOnMallocIsWarnedAboutWithWhereToBreakInstead() {
        CaseResult c = named("on-malloc");

        assertEquals(1, c.warnings().size());
        assertTrue(c.warnings().get(0).startsWith("breakpoint 'm' at 'malloc': Memcheck replaces malloc with its own,"),
                c.warnings().get(0));
        assertTrue(c.warnings().get(0).endsWith("break in the program's function that calls malloc instead (the frame"
                + " under it in a loss record's stack)"), c.warnings().get(0));
    }

    @Test
    void aCaseWhoseTargetNeverRanHasNoExitSummaryAndSaysNotStarted() {
        CaseResult c = named("nowhere");

        assertEquals(RunStatus.ERROR, c.status());
        assertNull(c.exit());
        assertNull(c.finalResults());
        assertTrue(summary.contains("ERROR  nowhere (") && summary.contains("0 stops, not started)"), summary);
        assertEquals(CaseExit.exited(2), named("complains").exit());
    }

    @Test
    void aCaseThatStoppedIsNeverCalledNotStarted() {
        CaseResult c = named("complains");
        CaseResult ended = new CaseResult(c.name(), RunStatus.ERROR, "interrupted", c.command(), c.pid(), 10,
                c.stops(), null, null, List.of(), null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        TextSummary.print(new RunResult(run.tool(), run.plan(), run.environment(), run.startedAt(), 10,
                RunStatus.ERROR, null, List.of(ended)), new SourceRoots(List.of()), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertTrue(out.toString(StandardCharsets.UTF_8).contains("(0.0 s, 1 stop, ended early)"), out.toString());
    }
}
