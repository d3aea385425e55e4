package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vgharness.DocSchemas;
import dev.vgharness.EndToEnd;
import dev.vgharness.Fixtures;
import dev.vgharness.RunProcesses;
import dev.vgharness.TestTools.Tool;
import dev.vgharness.report.SchemaValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The fault matrix of issue 7, each through the command line: one clear line on stderr, the exit code of docs/cli.md,
 * the JSON and JUnit reports with what was gathered (the JUnit file valid against the Jenkins XSD), and afterwards no valgrind, gdb or vgdb of the run and nothing left in
 * the temp dir.
 */
@EndToEnd({Tool.VALGRIND, Tool.GDB, Tool.COMPILERS})
@ResourceLock(Resources.SYSTEM_PROPERTIES)
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class FaultMatrixTest {

    @TempDir
    Path work;

    private Path tmp;
    private String savedTmp;

    @BeforeEach
    void privateTempDir() throws Exception {
        tmp = Files.createDirectory(work.resolve("tmp"));
        savedTmp = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
    }

    @AfterEach
    void restoreTempDir() {
        System.setProperty("java.io.tmpdir", savedTmp);
    }

    private record Fault(RunCommandTest.Outcome outcome, JsonNode report) {
        JsonNode firstCase() {
            return report.at("/cases/0");
        }
    }

    private Fault run(String yaml, String... options) throws Exception {
        Path plan = work.resolve("plan.yaml");
        Files.writeString(plan, yaml);
        Path json = work.resolve("report.json");
        Path junit = work.resolve("junit.xml");
        Files.deleteIfExists(json);
        Files.deleteIfExists(junit);
        List<String> args = new ArrayList<>(List.of("run", plan.toString(), "--json", json.toString(), "--junit",
                junit.toString()));
        args.addAll(List.of(options));
        RunProcesses processes = RunProcesses.ofThisJvm();
        RunCommandTest.Outcome outcome = RunCommandTest.main(args.toArray(String[]::new));
        assertNothingLeft(processes);
        assertEquals(Files.exists(json), Files.exists(junit), "the JUnit report is written whenever the JSON one is");
        if (Files.exists(junit)) {
            SchemaValidation.assertValidJunit(junit);
        }
        return new Fault(outcome, Files.exists(json) ? DocSchemas.readValidReport(json) : null);
    }

    private void assertNothingLeft(RunProcesses run) throws Exception {
        // the run's private directories are in this test's own temp dir: vgdb's --vgdb-prefix names it
        assertEquals(List.of(), run.alive(tmp.toString()), "processes of the run left behind");
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(), files.toList(), "files left in the temp dir");
        }
    }

    private static String oneCase(String program, String breakpoints, String more) {
        return "cases:\n  - name: faulty\n    command: [" + program + "]\n" + more
                + (breakpoints.isEmpty() ? "" : "    breakpoints:\n" + breakpoints);
    }

    private static String bp(String id, String at, String extra) {
        return "      - id: " + id + "\n        at: \"" + at + "\"\n" + extra;
    }

    private static void assertStderr(RunCommandTest.Outcome o, String start) {
        assertEquals(1, o.stderr().lines().count(), o.stderr());
        assertTrue(o.stderr().startsWith(start), o.stderr());
    }

    @Test
    void targetCrashesBeforeTheFirstBreakpoint() throws Exception {
        String crash = Fixtures.compile("src/crash.c").toString();
        Fault f = run(oneCase(crash, bp("never", Fixtures.location("src/crash.c", "never"), ""), ""));
        assertEquals(3, f.outcome().code());
        assertStderr(f.outcome(), "vgharness: case 'faulty': the target was killed by SIGSEGV (add 'signal: SIGSEGV'");
        assertEquals("SIGSEGV", f.firstCase().at("/exit/signal").asText());
        assertEquals(77, f.firstCase().at("/final/summary/definitely_lost/bytes").asInt());
    }

    @Test
    void targetExitsBeforeABreakpointWithExpectationsIsReached() throws Exception {
        String leaky = Fixtures.compile("src/leaky.c").toString();
        Fault f = run(oneCase(leaky, bp("late", Fixtures.location("src/leaky.c", "after_request"),
                "        condition: \"i == 99\"\n        expect: {errors: 0}\n"), ""));
        assertEquals(1, f.outcome().code());
        assertEquals("breakpoint 'late' at " + Fixtures.location("src/leaky.c", "after_request")
                + " has expectations but was never reached", f.firstCase().at("/assertions/0/message").asText());
    }

    @Test
    void aBreakpointGdbCannotResolve() throws Exception {
        String leaky = Fixtures.compile("src/leaky.c").toString();
        Fault f = run(oneCase(leaky, bp("typo", "leaky.c:100000", ""), ""));
        assertEquals(3, f.outcome().code());
        assertStderr(f.outcome(), "vgharness: case 'faulty': breakpoint 'typo' at 'leaky.c:100000' was never set: No"
                + " line 100000 in file \"leaky.c\", at the start or in any library loaded later (libraries loaded: ");
    }

    @Test
    void theProgramDoesNotExistOrIsNotExecutable() throws Exception {
        Fault missing = run("cases:\n  - name: faulty\n    command: [" + work.resolve("nothere") + "]\n");
        assertEquals(3, missing.outcome().code());
        assertStderr(missing.outcome(), "vgharness: case 'faulty': ");
        assertTrue(missing.outcome().stderr().contains(work.resolve("nothere").toString()));
        Path text = Files.writeString(work.resolve("notes.txt"), "not a program");
        Fault notExecutable = run("cases:\n  - name: faulty\n    command: [" + text + "]\n");
        assertEquals(3, notExecutable.outcome().code());
        assertStderr(notExecutable.outcome(), "vgharness: case 'faulty': ");
    }

    @Test
    void valgrindOrGdbNotInstalled() throws Exception {
        String leaky = Fixtures.compile("src/leaky.c").toString();
        Fault noValgrind = run(oneCase(leaky, "", ""), "--valgrind", "/nonexistent/valgrind");
        assertEquals(3, noValgrind.outcome().code());
        assertStderr(noValgrind.outcome(), "vgharness: case 'faulty': valgrind not found");
        assertTrue(noValgrind.outcome().stderr().contains("--valgrind"), "says what to do");
        // gdb is needed only by a case that stops: one without breakpoints runs valgrind alone.
        String breakpoint = bp("first", Fixtures.location("src/leaky.c", "after_request"), "");
        Fault noGdb = run(oneCase(leaky, breakpoint, ""), "--gdb", "/nonexistent/gdb");
        assertEquals(3, noGdb.outcome().code());
        assertStderr(noGdb.outcome(), "vgharness: case 'faulty': cannot start gdb '/nonexistent/gdb'");
        Fault unneeded = run(oneCase(leaky, "", ""), "--gdb", "/nonexistent/gdb");
        assertEquals(0, unneeded.outcome().code(), unneeded.outcome().stderr());
        assertEquals("exited", unneeded.firstCase().at("/exit/status").asText());
    }

    @Test
    void theTargetHangs() throws Exception {
        String hang = Fixtures.compile("src/hang.c").toString();
        Fault f = run(oneCase(hang, bp("before", Fixtures.location("src/hang.c", "before_hang"), ""),
                "    timeout: 5s\n"));
        assertEquals(3, f.outcome().code());
        assertStderr(f.outcome(), "vgharness: case 'faulty': timed out after 5s");
        assertEquals("timeout", f.firstCase().at("/exit/status").asText());
        assertEquals(1, f.firstCase().at("/stops").size());
    }

    @Test
    void gdbKilledMidRun() throws Exception {
        String leaky = Fixtures.compile("src/leaky.c", "-DFAULT_GDB_KILLED").toString();
        Fault f = run(oneCase(leaky, bp("first", Fixtures.location("src/leaky.c", "after_request"),
                "        max_hits: 2\n        actions: [leak_check, {gdb: \"shell kill -9 $PPID\"}]\n"), ""));
        assertEquals(3, f.outcome().code());
        assertStderr(f.outcome(), "vgharness: case 'faulty': stop first#1: gdb 'shell kill -9 $PPID' failed: gdb exited");
        assertTrue(f.outcome().stderr().strip().endsWith("vgharness let the target run to its end without gdb"),
                f.outcome().stderr());
        assertEquals(0, f.firstCase().at("/exit/code").asInt(), "the target ran to its end");
        assertTrue(f.firstCase().at("/final/summary/definitely_lost/bytes").asLong() > 0, "exit results are kept");
    }

    @Test
    void valgrindKilledMidRun() throws Exception {
        String leaky = Fixtures.compile("src/leaky.c", "-DFAULT_VALGRIND_KILLED").toString();
        String kill = "shell pkill -KILL -f -- '[-]-vgdb-prefix=.*" + leaky + "'";
        Fault f = run(oneCase(leaky, bp("first", Fixtures.location("src/leaky.c", "after_request"),
                "        actions: [leak_check, {gdb: \"" + kill + "\"}]\n"), ""));
        assertEquals(3, f.outcome().code(), f.outcome().stderr());
        assertStderr(f.outcome(), "vgharness: case 'faulty': ");
        assertEquals(1, f.firstCase().at("/stops").size(), "the stop before the kill is kept");
    }

    @Test
    void vgdbStallsAndThePerCommandDeadlineCatchesIt() throws Exception {
        String leaky = Fixtures.compile("src/leaky.c", "-DFAULT_STALL").toString();
        String stop = "shell pkill -STOP -f -- '[-]-vgdb-prefix=.*" + leaky + "'";
        Fault f = run(oneCase(leaky, bp("first", Fixtures.location("src/leaky.c", "after_request"),
                "        actions: [{gdb: \"" + stop + "\"}, leak_check]\n"), ""), "--command-timeout", "3s");
        assertEquals(3, f.outcome().code());
        assertStderr(f.outcome(), "vgharness: case 'faulty': stop first#1: leak_check failed: vgdb did not answer"
                + " 'monitor ");
        assertTrue(f.outcome().stderr().contains("valgrind is stopped: it is stuck, and vgharness ended it"),
                f.outcome().stderr());
    }

    @Test
    void aMalformedPlan() throws Exception {
        Fault syntax = run("cases:\n  - name: [unclosed\n");
        assertEquals(2, syntax.outcome().code());
        assertTrue(syntax.outcome().stderr().startsWith(work.resolve("plan.yaml") + ":"), syntax.outcome().stderr());
        assertEquals(null, syntax.report(), "nothing ran, no report");
        Fault types = run("cases:\n  - name: x\n    command: [/bin/true]\n    timeout: soon\n");
        assertEquals(2, types.outcome().code());
        assertEquals(1, types.outcome().stderr().lines().count(), types.outcome().stderr());
    }
}
