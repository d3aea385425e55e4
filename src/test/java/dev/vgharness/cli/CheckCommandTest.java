package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vgharness.Fixtures;
import dev.vgharness.report.SchemaValidation;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * {@code check -- PROG} on real programs: whatever fails the check (leaks, Memcheck errors, an exit status, a crash)
 * is said alike by the FAIL line, the counts, the exit status, JUnit, SARIF and the JSON report.
 */
class CheckCommandTest {

    @TempDir
    Path dir;

    /** One check: what it printed and returned, and its reports. */
    private record Check(RunCommandTest.Outcome outcome, JsonNode json, Document junit, JsonNode sarif, String html) {

        String stdout() {
            return outcome.stdout();
        }

        /** The testsuites element's failures and errors. */
        List<Integer> junitFailuresAndErrors() {
            Element suites = junit.getDocumentElement();
            return List.of(Integer.parseInt(suites.getAttribute("failures")), Integer.parseInt(suites.getAttribute("errors")));
        }

        List<String> junitFailureMessages() {
            NodeList failures = junit.getElementsByTagName("failure");
            List<String> messages = new ArrayList<>();
            for (int i = 0; i < failures.getLength(); i++) {
                messages.add(((Element) failures.item(i)).getAttribute("message"));
            }
            return messages;
        }

        /** Per SARIF rule, the levels of its results. */
        Map<String, List<String>> sarifLevels() {
            Map<String, List<String>> levels = new TreeMap<>();
            sarif.at("/runs/0/results").forEach(r -> levels.computeIfAbsent(r.path("ruleId").asText(),
                    k -> new ArrayList<>()).add(r.path("level").asText()));
            levels.values().forEach(l -> l.sort(null));
            return levels;
        }
    }

    private Check check(String... args) throws Exception {
        Path json = dir.resolve("report.json");
        Path junit = dir.resolve("junit.xml");
        Path sarif = dir.resolve("report.sarif");
        Path html = dir.resolve("report.html");
        for (Path p : List.of(json, junit, sarif, html)) {
            Files.deleteIfExists(p);
        }
        List<String> all = new ArrayList<>(List.of("check", "--json", json.toString(), "--junit", junit.toString(),
                "--sarif", sarif.toString(), "--html", html.toString(), "--source-root", Fixtures.file("src").toString()));
        all.addAll(List.of(args));
        RunCommandTest.Outcome outcome = RunCommandTest.main(all.toArray(String[]::new));
        SchemaValidation.assertValidJunit(junit);
        JsonNode sarifLog = new ObjectMapper().readTree(sarif.toFile());
        SchemaValidation.assertValidSarif(sarifLog);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(Files.readString(junit))));
        return new Check(outcome, new ObjectMapper().readTree(json.toFile()), xml, sarifLog, Files.readString(html));
    }

    private static String exe(String source) {
        return Fixtures.compile(source).toString();
    }

    private static void assertFailedLine(Check c, String name, String exit) {
        assertTrue(c.stdout().contains("FAIL   " + name + " ("), c.stdout());
        assertTrue(c.stdout().contains(", " + exit + ")\n"), c.stdout());
        assertTrue(c.stdout().contains(name + ": 0 passed, 1 failed, 0 errors ("), c.stdout());
        assertEquals(1, c.outcome().code(), c.stdout() + c.outcome().stderr());
        assertEquals("failed", c.json().path("status").asText());
        assertTrue(c.html().contains("<h2>" + name + " <span class=\"status failed\">"), c.html());
        for (String message : c.junitFailureMessages()) {
            assertTrue(c.stdout().contains("         FAILED " + message + "\n"), c.stdout());
            assertTrue(c.html().contains("<li><b>" + name + " · exit</b>: " + message), message);
        }
    }

    @Test
    void aDefiniteLeakFailsTheCheckInEveryReportAndOnlyTheFailingKindIsAnErrorInSarif() throws Exception {
        Check c = check("--", exe("src/leaky.c"), "1");

        assertFailedLine(c, "leaky", "exited 0");
        assertTrue(c.stdout().contains("         FAILED definitely_lost_blocks: expected == 0, was 2\n"), c.stdout());
        assertEquals(List.of(1, 0), c.junitFailuresAndErrors());
        assertEquals(List.of("definitely_lost_blocks: expected == 0, was 2"), c.junitFailureMessages());
        // The tree's six nodes are six indirectly lost records with six stacks: six leak identities, none dropped.
        assertEquals(Map.of("leak/definitely_lost", List.of("error", "error"), "leak/indirectly_lost",
                List.of("warning", "warning", "warning", "warning", "warning", "warning"), "leak/possibly_lost",
                List.of("warning")), c.sarifLevels());

        Check possible = check("--fail-on", "possible", "--", exe("src/leaky.c"), "1");
        assertFailedLine(possible, "leaky", "exited 0");
        assertEquals(List.of("possibly_lost_blocks: expected == 0, was 1"), possible.junitFailureMessages());
        assertEquals(Map.of("leak/definitely_lost", List.of("warning", "warning"), "leak/indirectly_lost",
                List.of("warning", "warning", "warning", "warning", "warning", "warning"), "leak/possibly_lost",
                List.of("error")), possible.sarifLevels());

        Check none = check("--fail-on", "none", "--", exe("src/leaky.c"), "1");
        assertEquals(0, none.outcome().code(), none.stdout());
        assertTrue(none.stdout().contains("PASS   leaky ("), none.stdout());
        assertEquals(List.of(0, 0), none.junitFailuresAndErrors());
        assertTrue(none.sarifLevels().values().stream().flatMap(List::stream).allMatch("warning"::equals),
                none.sarifLevels().toString());
    }

    @Test
    void everyMemcheckErrorIsPrintedWithItsKindFrameAndCountAndFailsTheCheck() throws Exception {
        String src = "src/mistakes.c";
        Check c = check("--", exe(src));

        assertFailedLine(c, "mistakes", "exited 0");
        assertTrue(c.stdout().contains("at exit: no leaks\n"), c.stdout());
        List<String> errors = c.stdout().lines().filter(l -> l.startsWith("       error ")).toList();
        assertEquals(List.of(
                "       error InvalidRead (2 times) at read_past mistakes.c:" + Fixtures.line(src, "read_past")
                        + ": Invalid read of size 4",
                "       error InvalidWrite at write_past mistakes.c:" + Fixtures.line(src, "write_past")
                        + ": Invalid write of size 1",
                "       error UninitCondition at branch_on_unset mistakes.c:" + Fixtures.line(src, "branch_on_unset")
                        + ": Conditional jump or move depends on uninitialised value(s)"), errors);
        assertTrue(c.stdout().contains("         FAILED errors: expected == 0, was 4\n"), c.stdout());
        assertEquals(List.of("errors: expected == 0, was 4"), c.junitFailureMessages());
        assertEquals(List.of(1, 0), c.junitFailuresAndErrors());
        assertEquals(Map.of("memcheck/InvalidRead", List.of("error"), "memcheck/InvalidWrite", List.of("error"),
                "memcheck/UninitCondition", List.of("error")), c.sarifLevels());

        Check leaksOnly = check("--fail-on", "definite", "--", exe(src));
        assertEquals(0, leaksOnly.outcome().code(), leaksOnly.stdout());
        assertEquals(3, leaksOnly.stdout().lines().filter(l -> l.startsWith("       error ")).count(), leaksOnly.stdout());
        assertTrue(leaksOnly.sarifLevels().values().stream().flatMap(List::stream).allMatch("warning"::equals));
    }

    @Test
    void aNonZeroExitFailsTheCheckUnlessItIsAllowed() throws Exception {
        Check c = check("--", exe("src/exitcode.c"));

        assertFailedLine(c, "exitcode", "exited 10");
        assertTrue(c.stdout().contains("         FAILED exit_code: expected 0, was 10\n"), c.stdout());
        assertEquals(List.of("exit_code: expected 0, was 10"), c.junitFailureMessages());

        Check allowed = check("--allow-exit", "10", "--", exe("src/exitcode.c"));
        assertEquals(0, allowed.outcome().code(), allowed.stdout());
        assertTrue(allowed.stdout().contains("PASS   exitcode ("), allowed.stdout());
        assertTrue(allowed.stdout().contains("exitcode: 1 passed, 0 failed, 0 errors ("), allowed.stdout());
        assertEquals(List.of(0, 0), allowed.junitFailuresAndErrors());
        assertEquals("0 or 10", allowed.json().at("/cases/0/assertions/0/expected").asText());
    }

    @Test
    void aCrashIsAFailureNamingTheSignal() throws Exception {
        Check c = check("--", exe("src/crash.c"));

        assertFailedLine(c, "crash", "killed by SIGSEGV");
        // The write through the null pointer is a Memcheck error too, before the signal.
        assertEquals(List.of("signal: expected null, was SIGSEGV", "definitely_lost_blocks: expected == 0, was 1",
                "errors: expected == 0, was 1"), c.junitFailureMessages());
        assertEquals(List.of(1, 0), c.junitFailuresAndErrors());
        assertTrue(c.stdout().contains("       error InvalidWrite at crash_here crash.c:"
                + Fixtures.line("src/crash.c", "crash") + ": Invalid write of size 4\n"), c.stdout());
        assertEquals(Map.of("leak/definitely_lost", List.of("error"), "memcheck/InvalidWrite", List.of("error")),
                c.sarifLevels());
    }

    @Test
    void aTracedChildIsCheckedAndReportedApartAndItsLeakFailsTheCheck() throws Exception {
        String exe = exe("src/children.c");
        Check c = check("--trace-children", "--break", Fixtures.location("src/children.c", "worker_leak"), "--",
                exe, "exec", exe);

        assertEquals(1, c.outcome().code(), c.stdout() + c.outcome().stderr());
        JsonNode child = c.json().at("/cases/0/children/0");
        assertEquals(List.of(exe, "worker"), List.of(child.at("/command/0").asText(), child.at("/command/1").asText()));
        assertEquals(1, child.path("stops").size());
        assertEquals(5, child.at("/exit/code").asInt());
        assertEquals("failed", child.path("status").asText());
        assertTrue(c.stdout().contains("       child " + child.path("pid").asLong() + " of "
                + c.json().at("/cases/0/pid").asLong() + " (" + exe + " worker): FAIL, exited 5, 1 stop\n"), c.stdout());
        assertTrue(c.html().contains("children[" + child.path("pid").asLong() + "]"), "a section of its own");
    }

    @Test
    void aCleanProgramPassesWithNoLeaksSaid() throws Exception {
        Check c = check("--", exe("src/clean.c"));

        assertEquals(0, c.outcome().code(), c.stdout() + c.outcome().stderr());
        assertTrue(c.stdout().startsWith("at exit: no leaks\nPASS   clean ("), c.stdout());
        assertTrue(c.stdout().contains("clean: 1 passed, 0 failed, 0 errors ("), c.stdout());
        assertEquals(List.of(0, 0), c.junitFailuresAndErrors());
        assertEquals(Map.of(), c.sarifLevels());
        assertEquals("passed", c.json().path("status").asText());
    }

    @Test
    void aBreakInAPluginStopsThereAndOneNoCodeDefinesIsAnError() throws Exception {
        String plugin = Fixtures.sharedLibrary("src/plugin.c").toString();
        String host = Fixtures.compile("src/plughost.c", "-ldl").toString();

        Check c = check("--break", "plug_run", "--", host, plugin, "2");
        assertFailedLine(c, Path.of(host).getFileName().toString(), "exited 0");
        assertTrue(c.stdout().contains("plug_run hit 1:\n"), c.stdout());
        assertTrue(c.stdout().contains("plug_run hit 2:\n"), c.stdout());
        assertEquals(2, c.json().at("/cases/0/stops").size());
        assertEquals("plug_run", c.json().at("/cases/0/stops/1/frame/function").asText());

        Check typo = check("--break", "plug_rnu", "--", host, plugin, "2");
        assertEquals(3, typo.outcome().code());
        assertTrue(typo.outcome().stderr().contains("breakpoint 'plug_rnu' at 'plug_rnu' was never set: "),
                typo.outcome().stderr());
        assertTrue(typo.outcome().stderr().contains("did you mean 'plug_run' in " + plugin + "?)"),
                typo.outcome().stderr());
        assertEquals(List.of(0, 1), typo.junitFailuresAndErrors());
    }

    @Test
    void aFailOnWordOrExitStatusThatIsNotOneIsAUsageErrorAndRunsNothing() {
        RunCommandTest.Outcome word = RunCommandTest.main("check", "--fail-on", "definite,leaks", "--", "/bin/true");
        assertEquals(2, word.code());
        assertEquals("vgharness: --fail-on: 'leaks' is not one of definite, indirect, possible, reachable, errors, none\n",
                word.stderr());
        assertEquals("", word.stdout());

        RunCommandTest.Outcome none = RunCommandTest.main("check", "--fail-on", "none,errors", "--", "/bin/true");
        assertEquals(2, none.code());
        assertEquals(1, none.stderr().lines().count(), none.stderr());

        RunCommandTest.Outcome exit = RunCommandTest.main("check", "--allow-exit", "three", "--", "/bin/true");
        assertEquals(2, exit.code());
        assertTrue(exit.stderr().startsWith("vgharness: Invalid value for option '--allow-exit' (N): 'three' is not an"
                + " int\n"), exit.stderr());

        RunCommandTest.Outcome range = RunCommandTest.main("check", "--allow-exit", "256", "--", "/bin/true");
        assertEquals(2, range.code());
        assertEquals("vgharness: --allow-exit: 256 is not an exit status (0 to 255)\n", range.stderr());
    }
}
