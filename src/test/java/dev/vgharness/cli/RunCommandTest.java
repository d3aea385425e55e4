package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vgharness.DocSchemas;
import dev.vgharness.EndToEnd;
import dev.vgharness.Fixtures;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} and {@code check} through the command line: exit codes 0/1/2/3, reports, one-line errors. */
@EndToEnd({Tool.VALGRIND, Tool.GDB, Tool.COMPILERS})
class RunCommandTest {

    @TempDir
    Path dir;

    record Outcome(int code, String stdout, String stderr) {
    }

    static Outcome main(String... args) {
        return mainWithStdin(new byte[0], args);
    }

    /**
     * Runs the command line in this JVM on streams of its own ({@code stdin} as its standard input, stdout and stderr
     * captured; the test JVM's are left alone); {@code run} and {@code check} get the valgrind and gdb under test.
     */
    static Outcome mainWithStdin(byte[] stdin, String... args) {
        List<String> argv = new ArrayList<>(List.of(args));
        if (argv.get(0).equals("run") || argv.get(0).equals("check")) {
            // unless the test names its own (a missing valgrind, say)
            if (!argv.contains("--gdb")) {
                argv.addAll(1, List.of("--gdb", TestTools.gdb()));
            }
            if (!argv.contains("--valgrind")) {
                argv.addAll(1, List.of("--valgrind", TestTools.valgrind()));
            }
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Console console = new Console(new java.io.ByteArrayInputStream(stdin),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        int code = Main.run(console, argv.toArray(String[]::new));
        DocSchemas.assertValidReports(List.of(args));
        return new Outcome(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    private Path plan(String yaml) throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, yaml);
        return plan;
    }

    private String leakyCase(String name, String expect) {
        return """
                  - name: %s
                    command: [%s, "1"]
                    breakpoints:
                      - id: end
                        at: leaky.c:%d
                    expect: %s
                """.formatted(name, Fixtures.compile("src/leaky.c"), Fixtures.line("src/leaky.c", "before_exit"), expect);
    }

    @Test
    void aPassingPlanExitsZeroAndWritesTheJsonReport() throws Exception {
        Path json = dir.resolve("out/report.json");
        Outcome o = main("run", plan("cases:\n" + leakyCase("ok", "{exit_code: 0}")).toString(), "--json",
                json.toString(), "--jobs", "1");
        assertEquals(0, o.code(), o.stderr());
        JsonNode report = DocSchemas.readValidReport(json);
        assertEquals("passed", report.get("status").asText());
        assertEquals("ok", report.at("/cases/0/name").asText());
        assertEquals(1, report.at("/cases/0/stops").size());
        assertTrue(o.stdout().contains("PASS   ok"), o.stdout());
        assertTrue(o.stdout().endsWith("report: " + json + "\n"), o.stdout());
    }

    @Test
    void aFailedExpectationExitsOne() throws Exception {
        Outcome o = main("run", plan("cases:\n" + leakyCase("leaks", "{definitely_lost_bytes: 0}")).toString());
        assertEquals(1, o.code(), o.stderr());
        assertTrue(o.stdout().contains("FAILED definitely_lost_bytes: expected == 0, was "), o.stdout());
    }

    @Test
    void eachCasesDetailsAreInTheLogOnceAsItEndsAndTheSummaryGivesItsFirstLine() throws Exception {
        Outcome o = main("run", plan("cases:\n" + leakyCase("first", "{definitely_lost_bytes: 0}")
                + leakyCase("second", "{exit_code: 0}")).toString(), "--jobs", "1");
        assertEquals(1, o.code(), o.stderr());
        String out = o.stdout();
        assertEquals(2, out.split("\n       exit: ", -1).length - 1, "one exit line per case: " + out);
        assertEquals(1, out.split("FAILED definitely_lost_bytes", -1).length - 1, out);
        assertTrue(out.contains("[1/2] FAIL   first (") && out.contains("[2/2] PASS   second ("), out);
        String summary = out.substring(out.indexOf("\nFAIL   first ("));
        assertTrue(summary.contains("\nPASS   second (") && summary.contains(": 1 passed, 1 failed, 0 errors ("),
                summary);
        assertTrue(!summary.contains("FAILED") && !summary.contains("exit: "), "first lines only: " + summary);
    }

    @Test
    void anInvalidPlanExitsTwoWithOneLocatedLinePerProblemAndRunsNothing() throws Exception {
        Path plan = plan("""
                cases:
                  - name: growth
                    command: [/bin/true]
                    breakpiont: []
                """);
        Outcome o = main("run", plan.toString());
        assertEquals(2, o.code());
        assertEquals(plan + ":4:5: unknown key 'breakpiont' in case 'growth' (did you mean 'breakpoints'?)\n",
                o.stderr());
        assertEquals("", o.stdout());
    }

    @Test
    void anInfrastructureFailureExitsThreeAndStillWritesTheReport() throws Exception {
        Path json = dir.resolve("report.json");
        Outcome o = main("run", plan("cases:\n  - name: ghost\n    command: [/nonexistent/prog]\n").toString(),
                "--json", json.toString());
        assertEquals(3, o.code());
        JsonNode report = DocSchemas.readValidReport(json);
        assertEquals("error", report.at("/cases/0/status").asText());
        assertTrue(report.at("/cases/0/error").asText().contains("/nonexistent/prog"));
    }

    @Test
    void aMissingPlanFileIsOneLineAndExitTwo() {
        Outcome o = main("run", dir.resolve("nothere.yaml").toString());
        assertEquals(2, o.code());
        assertEquals(1, o.stderr().lines().count(), o.stderr());
    }

    @Test
    void checkPrintsLossRecordTablesAtEveryHitAndFailsOnDefiniteLeaks() {
        String leaky = Fixtures.compile("src/leaky.c").toString();
        Outcome leaks = main("check", "--break", "leaky.c:" + Fixtures.line("src/leaky.c", "after_request"), "--",
                leaky, "2");
        assertEquals(1, leaks.code(), leaks.stderr());
        assertTrue(leaks.stdout().contains("leaky.c:" + Fixtures.line("src/leaky.c", "after_request") + " hit 2:"),
                leaks.stdout());
        assertTrue(leaks.stdout().contains("definitely_lost"), leaks.stdout());
    }

    @Test
    void checkNativePrintsTheHeapGrowthAtEachHitWithoutValgrind() {
        Outcome o = main("check", "--native", "--break", "request_done", "--", Fixtures.compile("src/growth.c").toString(),
                "large", "2");

        assertEquals(0, o.code(), o.stdout() + o.stderr());
        String second = o.stdout().lines().filter(l -> l.startsWith("request_done hit 2: ")).findFirst().orElse("");
        assertTrue(second.contains(", mmap 532480 B (+266240), ") && second.endsWith(": large blocks via mmap"),
                o.stdout());
    }

    @Test
    void checkHandsItsOwnStdinToTheProgramAndShowsItsOutputLive() throws Exception {
        Path json = dir.resolve("check.json");
        Outcome o = mainWithStdin("{\"requests\": 3}\n".getBytes(StandardCharsets.UTF_8), "check", "--show-output",
                "--json", json.toString(), "--", Fixtures.compile("src/robust.c").toString(), "echo", "complain");

        assertEquals(0, o.code(), o.stdout() + o.stderr());
        assertTrue(o.stdout().startsWith("{\"requests\": 3}\n"), "passed through live, before the summary: "
                + o.stdout());
        assertTrue(o.stderr().contains("robust: parse error at 1:7: unexpected '}'\n"), o.stderr());
        com.fasterxml.jackson.databind.JsonNode c = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.toFile()).at("/cases/0");
        assertEquals("{\"requests\": 3}\n", c.at("/stdout").asText());
        assertEquals("robust: parse error at 1:7: unexpected '}'\n", c.at("/stderr").asText());
    }

    @Test
    void runKeepsThePlansStdinAndNotItsOwn() throws Exception {
        Path input = Files.writeString(dir.resolve("input.txt"), "from the plan\n");
        Path json = dir.resolve("run.json");
        Outcome o = mainWithStdin("from the harness\n".getBytes(StandardCharsets.UTF_8), "run", plan("""
                cases:
                  - name: echo
                    command: [%s, echo]
                    stdin: %s
                """.formatted(Fixtures.compile("src/robust.c"), input)).toString(), "--json", json.toString());

        assertEquals(0, o.code(), o.stdout() + o.stderr());
        assertEquals("from the plan\n", new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile())
                .at("/cases/0/stdout").asText());
    }

    @Test
    void aStopRecordsLimitThatIsNotANumberIsAUsageError() {
        Outcome o = main("check", "--stop-records", "0", "--", "/bin/true");

        assertEquals(2, o.code(), o.stderr());
        assertEquals("vgharness: Invalid value for option '--stop-records': '0' is not a number of at least 1 or 'all'\n"
                + "Try 'vgharness check --help' for more information.\n", o.stderr());
    }

    @Test
    void theTimeoutMultiplierScalesThePlansTimeoutAndTheErrorSaysWhatRaisesIt() throws Exception {
        Path json = dir.resolve("report.json");
        Outcome o = main("run", plan("cases:\n  - name: slow\n    command: [/bin/sleep, \"60\"]\n    timeout: 4s\n")
                .toString(), "--timeout-multiplier", "0.5", "--json", json.toString());

        assertEquals(3, o.code(), o.stderr());
        assertEquals("timed out after 2s: the target was killed (raise the case's 'timeout:' in the plan, or --timeout"
                + " for cases without one; --timeout-multiplier N scales every case's)",
                DocSchemas.readValidReport(json).at("/cases/0/error").asText());
    }
}
