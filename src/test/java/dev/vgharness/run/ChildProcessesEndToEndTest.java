package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vgharness.DocSchemas;
import dev.vgharness.Fixtures;
import dev.vgharness.TestTools;
import dev.vgharness.plan.PlanLoader;
import dev.vgharness.report.HtmlReport;
import dev.vgharness.report.JunitReport;
import dev.vgharness.report.SarifReport;
import dev.vgharness.report.SourceRoots;
import dev.vgharness.report.TextSummary;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.ChildProcess;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.StopResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every process of a case is reported apart: Valgrind's exit-time results per process ({@code final.%p.xml}), and
 * children traced into an exec driven by their own gdb session, with the case's breakpoints and actions.
 */
class ChildProcessesEndToEndTest {

    @TempDir
    Path dir;

    private static RunResult run(Path dir, String yaml) throws Exception {
        return run(dir, yaml, 1);
    }

    private static RunResult run(Path dir, String yaml, int jobs) throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, yaml);
        RunOptions options = RunOptions.defaults().withDefaultTimeout(Duration.ofSeconds(60)).withJobs(jobs)
                .withTools(TestTools.valgrind(), TestTools.gdb())
                .withTraffic(line -> { if (System.getenv("CHILD_DEBUG") != null) System.err.println(line); });
        return DocSchemas.valid(new PlanRunner(options, Clock.systemUTC(), "test").run(PlanLoader.load(plan)));
    }

    private static long definitelyLost(ChildProcess child) {
        return child.finalResults().summary().definitelyLost().bytes();
    }

    @Test
    void aForkedChildWritesItsOwnExitResultsAndTheParentKeepsItsOwn() throws Exception {
        Path exe = Fixtures.compile("src/children.c");
        CaseResult c = run(dir, """
                cases:
                  - name: forks
                    command: [%s, fork]
                """.formatted(exe)).cases().get(0);
        assertEquals(RunStatus.PASSED, c.status(), c.error());
        assertEquals(100, c.finalResults().summary().definitelyLost().bytes(), "the parent's own block only");
        assertEquals(CaseExit.exited(0), c.exit());
        assertEquals(1, c.children().size());
        ChildProcess child = c.children().get(0);
        assertEquals(c.pid(), child.ppid());
        assertTrue(child.pid() != c.pid());
        assertEquals(List.of(exe.toString(), "fork"), child.command());
        assertEquals(300, definitelyLost(child), "its own block and the parent's, inherited at the fork");
        assertEquals(new CaseExit(CaseExit.Status.EXITED, null, null), child.exit(),
                "Valgrind does not write a forked child's exit code");
        assertEquals(RunStatus.PASSED, child.status());
        assertEquals(List.of(), child.stops());
    }

    @Test
    void aChildSilentAfterForkHasNoEntry() throws Exception {
        Path exe = Fixtures.compile("src/children.c");
        CaseResult c = run(dir, """
                cases:
                  - name: silent
                    command: [%s, fork]
                    valgrind: {options: [--child-silent-after-fork=yes]}
                """.formatted(exe)).cases().get(0);
        assertEquals(RunStatus.PASSED, c.status(), c.error());
        assertEquals(List.of(), c.children());
        assertEquals(100, c.finalResults().summary().definitelyLost().bytes());
        assertEquals(List.of("--child-silent-after-fork=yes: Valgrind writes nothing for a forked child that does not"
                + " exec, so such children are not in the report"), c.notes());
    }

    @Test
    void aTracedExecdChildStopsAtABreakpointOnlyItsProgramDefines() throws Exception {
        Path parent = Fixtures.compile("src/children.c");
        Path leaks = Fixtures.compile("src/leaks.c");
        CaseResult c = run(dir, """
                cases:
                  - name: execs
                    command: [%s, exec, %s]
                    valgrind: {options: [--trace-children=yes]}
                    breakpoints:
                      - id: in_child
                        at: "%s"
                        max_hits: 1
                        actions: [leak_check]
                """.formatted(parent, leaks, Fixtures.location("src/leaks.c", "checkpoint"))).cases().get(0);
        assertEquals(RunStatus.PASSED, c.status(), c.error());
        assertEquals(List.of(), c.stops(), "the parent never runs leaks.c");
        assertEquals(1, c.children().size());
        ChildProcess child = c.children().get(0);
        assertEquals(c.pid(), child.ppid());
        assertEquals(leaks.toString(), child.command().get(0));
        assertEquals(1, child.stops().size());
        StopResult stop = child.stops().get(0);
        assertEquals("in_child", stop.breakpoint());
        assertEquals(child.pid(), stop.pid());
        assertNotNull(stop.leakCheck(), "the stop's actions ran in the child");
        assertNotNull(child.exit());
        assertEquals(CaseExit.Status.EXITED, child.exit().status());
        assertNotNull(child.exit().code(), "gdb tells a traced child's exit code");
        assertNotNull(child.finalResults());
    }

    @Test
    void fourConcurrentTracedChildrenAreEachAttachedDrivenAndReaped() throws Exception {
        Path exe = Fixtures.compile("src/children.c");
        CaseResult c = run(dir, """
                cases:
                  - name: prefork
                    command: [%1$s, prefork, %1$s]
                    valgrind: {options: [--trace-children=yes]}
                    breakpoints:
                      - id: worker
                        at: "%2$s"
                        actions: [leak_check]
                """.formatted(exe, Fixtures.location("src/children.c", "worker_leak"))).cases().get(0);
        assertEquals(RunStatus.PASSED, c.status(), c.error());
        assertEquals(4, c.children().size());
        Set<Long> pids = c.children().stream().map(ChildProcess::pid).collect(Collectors.toSet());
        assertEquals(4, pids.size());
        for (ChildProcess child : c.children()) {
            assertEquals(c.pid(), child.ppid());
            assertEquals(List.of(exe.toString(), "worker"), child.command());
            assertEquals(1, child.stops().size(), "pid " + child.pid());
            assertEquals(child.pid(), child.stops().get(0).pid(), "each stop says its process");
            assertEquals(CaseExit.exited(5), child.exit());
            assertEquals(300, definitelyLost(child), "an exec'd child inherits nothing");
        }
        assertEquals(List.of(), c.stops());
        assertTrue(pids.stream().noneMatch(pid -> ProcessHandle.of(pid).isPresent()), "every child was reaped");
    }

    @Test
    void aCrashingChildIsTheCasesErrorNamingIt() throws Exception {
        Path exe = Fixtures.compile("src/children.c");
        CaseResult c = run(dir, """
                cases:
                  - name: crashes
                    command: [%s, crash]
                """.formatted(exe)).cases().get(0);
        ChildProcess child = c.children().get(0);
        assertEquals(CaseExit.signaled("SIGSEGV"), child.exit());
        assertEquals(RunStatus.ERROR, child.status());
        assertEquals(RunStatus.ERROR, c.status());
        assertEquals(CaseExit.exited(0), c.exit());
        assertEquals("child process " + child.describe() + ": " + child.error(), c.error());
    }

    @Test
    void aChildThatOutlivesTheCasesTimeoutIsKilledAndReportedSo() throws Exception {
        Path exe = Fixtures.compile("src/children.c");
        CaseResult c = run(dir, """
                cases:
                  - name: outlives
                    command: [%s, outlive]
                    timeout: 3s
                """.formatted(exe)).cases().get(0);
        assertEquals(CaseExit.exited(0), c.exit());
        assertEquals(1, c.children().size());
        ChildProcess child = c.children().get(0);
        assertEquals(CaseExit.timeout(), child.exit());
        assertEquals(RunStatus.ERROR, child.status());
        assertTrue(ProcessHandle.of(child.pid()).isEmpty(), "the child was reaped");
        assertNull(c.finalResults().note());
    }

    @Test
    void childrenExpectIsCheckedForEveryChildAndAFailureIsInThatChildsEntry() throws Exception {
        Path exe = Fixtures.compile("src/children.c");
        RunResult run = run(dir, """
                cases:
                  - name: crash_expected
                    command: [%1$s, crash]
                    children: {expect: {signal: SIGSEGV}}
                  - name: leak_not_allowed
                    command: [%1$s, fork]
                    children: {expect: {definitely_lost_bytes: 0}}
                """.formatted(exe));
        CaseResult crash = run.cases().get(0);
        assertEquals(RunStatus.PASSED, crash.status(), crash.error());
        assertEquals(RunStatus.PASSED, crash.children().get(0).status());
        CaseResult leak = run.cases().get(1);
        assertEquals(RunStatus.FAILED, leak.status(), leak.error());
        ChildProcess child = leak.children().get(0);
        assertEquals(RunStatus.FAILED, child.status());
        assertEquals(List.of("definitely_lost_bytes: expected == 0, was 300"),
                child.assertions().stream().map(a -> a.describe()).toList());
        assertTrue(leak.assertions().stream().allMatch(a -> a.passed()), "the case's own expect is the parent's");
    }

    @Test
    void everyReportShowsTheChildProcessesApart() throws Exception {
        Path exe = Fixtures.compile("src/children.c");
        RunResult run = run(dir, """
                cases:
                  - name: forks
                    command: [%s, fork]
                """.formatted(exe));
        ChildProcess child = run.cases().get(0).children().get(0);
        String name = "forks[" + child.pid() + "]";

        ByteArrayOutputStream text = new ByteArrayOutputStream();
        TextSummary.print(run, new SourceRoots(List.of()), new PrintStream(text, true, StandardCharsets.UTF_8));
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("       child " + child.pid() + " of "
                + run.cases().get(0).pid() + " (" + exe + " fork): PASS, exited, 0 stops\n"
                + "         exit: definite 300 B in 2 ("), text.toString(StandardCharsets.UTF_8));
        assertTrue(text.toString(StandardCharsets.UTF_8).contains(": 1 passed, 0 failed, 0 errors"),
                "the counts are of cases");

        StringWriter junit = new StringWriter();
        JunitReport.write(run, new SourceRoots(List.of()), junit);
        assertTrue(junit.toString().contains("<testsuite name=\"" + name + "\""), junit.toString());

        JsonNode sarif = SarifReport.toJson(run, new SourceRoots(List.of()));
        List<JsonNode> inChild = new ArrayList<>();
        sarif.get("runs").get(0).get("results").forEach(r -> r.get("properties").get("cases")
                .forEach(c -> {
                    if (c.asText().equals(name)) {
                        inChild.add(r);
                    }
                }));
        assertEquals(2, inChild.size(), "the child's own block and the one it inherited from its parent");
        JsonNode own = inChild.stream().filter(r -> r.get("properties").get("case").asText().equals(name))
                .findFirst().orElseThrow();
        assertEquals(exe + " fork", own.get("properties").get("command").asText());
        assertEquals(child.pid(), own.get("properties").get("pid").asLong());

        assertTrue(HtmlReport.html(run, new SourceRoots(List.of())).contains(name));
    }

    @Test
    void aTimeoutEndsAndReapsATracedChildAndLeavesNoFifo() throws Exception {
        Path exe = Fixtures.compile("src/children.c");
        CaseResult c = run(dir, """
                cases:
                  - name: hangs
                    command: [%1$s, exechang, %1$s]
                    valgrind: {options: [--trace-children=yes]}
                    timeout: 4s
                    breakpoints:
                      - id: never
                        at: "%2$s"
                """.formatted(exe, Fixtures.location("src/children.c", "worker_leak"))).cases().get(0);
        assertEquals(CaseExit.timeout(), c.exit());
        assertEquals(1, c.children().size());
        ChildProcess child = c.children().get(0);
        assertEquals(List.of(exe.toString(), "sleeper"), child.command());
        assertEquals(CaseExit.timeout(), child.exit());
        assertEquals(RunStatus.ERROR, child.status());
        assertTrue(ProcessHandle.of(c.pid()).isEmpty() && ProcessHandle.of(child.pid()).isEmpty(), "all reaped");
        String fifo = "-to-" + child.pid() + "-by-";
        try (var found = Files.find(Path.of(System.getProperty("java.io.tmpdir")), 2,
                (p, a) -> p.getFileName().toString().contains(fifo))) {
            assertEquals(List.of(), found.toList());
        }
    }

    @Test
    void fourJobsReportTheSameProcessesAsOne() throws Exception {
        Path exe = Fixtures.compile("src/children.c");
        String plan = """
                cases:
                  - name: forks
                    command: [%1$s, fork]
                  - name: execs
                    command: [%1$s, exec, %1$s]
                    valgrind: {options: [--trace-children=yes]}
                    breakpoints:
                      - {id: worker, at: "%2$s", actions: [leak_check]}
                  - name: prefork
                    command: [%1$s, prefork, %1$s]
                    valgrind: {options: [--trace-children=yes]}
                    breakpoints:
                      - {id: worker, at: "%2$s"}
                """.formatted(exe, Fixtures.location("src/children.c", "worker_leak"));
        List<String> one = processes(run(dir, plan, 1));
        List<String> four = processes(run(dir, plan, 4));
        assertEquals(one, four);
        assertEquals(3 + 1 + 1 + 4, one.size(), String.join("\n", one));
    }

    /** Each case and child as a line of what does not depend on pids or time. */
    private static List<String> processes(RunResult run) {
        List<String> lines = new ArrayList<>();
        for (CaseResult c : run.cases()) {
            lines.add(c.name() + " " + c.status() + " " + c.exit() + " " + c.stops().size() + " "
                    + c.finalResults().summary().definitelyLost().bytes());
            for (ChildProcess child : c.children()) {
                lines.add("  " + child.command() + " of " + (child.ppid() == c.pid() ? "main" : child.ppid()) + " "
                        + child.status() + " " + child.exit() + " "
                        + child.stops().stream().map(StopResult::label).toList() + " " + definitelyLost(child));
            }
        }
        return lines;
    }

    @Test
    void aChildSkippedByTraceChildrenSkipRunsWithoutValgrindAndHasNoEntry() throws Exception {
        Path parent = Fixtures.compile("src/children.c");
        Path leaks = Fixtures.compile("src/leaks.c");
        CaseResult c = run(dir, """
                cases:
                  - name: skips
                    command: [%s, exec, %s]
                    valgrind: {options: [--trace-children=yes, "--trace-children-skip=*/leaks"]}
                    breakpoints:
                      - {id: in_child, at: "%s"}
                """.formatted(parent, leaks, Fixtures.location("src/leaks.c", "checkpoint"))).cases().get(0);
        assertEquals(List.of(), c.children());
        assertEquals(CaseExit.exited(0), c.exit());
        assertEquals(1, c.notes().size(), c.notes().toString());
        assertTrue(c.notes().get(0).matches("child process \\d+ exec'd a program Valgrind does not follow \\(without"
                + " --trace-children=yes, or named by --trace-children-skip\\): not reported"), c.notes().get(0));
        assertEquals(RunStatus.ERROR, c.status(), "no process set the breakpoint: it is said");
        assertTrue(c.error().startsWith("breakpoint 'in_child' at '" + Fixtures.location("src/leaks.c", "checkpoint")
                + "' was never set: "), c.error());
    }
}
