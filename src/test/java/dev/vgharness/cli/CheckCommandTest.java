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
    void contentsListsTheLostBlocksAtEachBreakWithTheirFirstBytesReadFromTheStoppedTarget() throws Exception {
        String src = "src/contents.c";
        Check c = check("--break", Fixtures.location(src, "checkpoint"), "--contents", "20", "--", exe(src));

        JsonNode lists = c.json().at("/cases/0/stops/0/block_lists");
        Map<String, JsonNode> byFunction = new TreeMap<>();
        lists.forEach(l -> byFunction.put(l.at("/header/stack").findValuesAsText("function").stream()
                .filter(f -> f.startsWith("leak_")).findFirst().orElseThrow(), l.at("/blocks/0")));
        assertEquals(List.of("leak_possible", "leak_string", "leak_struct"), List.copyOf(byFunction.keySet()),
                "the definitely and possibly lost records: " + lists);
        // 20 of the string's 40 bytes.
        assertEquals("47 45 54 20 2f 69 6e 64 65 78 2e 68 74 6d 6c 20 48 54 54 50",
                byFunction.get("leak_string").at("/contents/hex").asText());
        assertEquals("GET /index.html HTTP", byFunction.get("leak_string").at("/contents/text").asText());
        // struct host {int id = 7; char name[12] = "host-a.exam"; char *alias}: 20 of 24 bytes, the alias pointer's
        // low half being the address of the indirectly lost string, itself read whole (16 bytes, fewer than 20).
        JsonNode struct = byFunction.get("leak_struct");
        JsonNode alias = struct.at("/indirect/0");
        long aliasAddress = Long.decode(alias.path("address").asText());
        assertEquals("07 00 00 00 68 6f 73 74 2d 61 2e 65 78 61 6d 00 " + littleEndian(aliasAddress, 4),
                struct.at("/contents/hex").asText());
        assertEquals("....host-a.exam.", struct.at("/contents/text").asText().substring(0, 16));
        assertEquals("61 6c 69 61 73 2d 6f 66 2d 68 6f 73 74 2d 61 00", alias.at("/contents/hex").asText());
        assertEquals("alias-of-host-a.", alias.at("/contents/text").asText());
        assertEquals("04 03 02 01 6d 61 79 62 65 2d 6c 6f 73 74 00 00 00 00 00 00",
                byFunction.get("leak_possible").at("/contents/hex").asText());

        assertTrue(c.stdout().contains("  leak_string (contents.c:" + Fixtures.line(src, "string_alloc")
                + ")    GET /index.html HTTP\n"), c.stdout());
        assertTrue(c.stdout().contains("                                 alias-of-host-a.\n"), c.stdout());
        assertTrue(c.stdout().contains("): alias-of-host-a.\n"), "the text summary's preview: " + c.stdout());
        assertTrue(c.html().contains("<code class=\"hex\">61 6c 69 61 73 2d 6f 66 2d 68 6f 73 74 2d 61 00</code></td>"
                + "<td><code class=\"text\">alias-of-host-a.</code>"), c.html());

        String help = RunCommandTest.main("check", "--help").stdout().replaceAll("\\s+", " ");
        assertTrue(help.contains("at exit the process is gone, so there is nothing to read"), help);
    }

    @Test
    void withoutSourceRootCheckAndMergePlaceSarifResultsFromTheCheckoutsTopAndWarnWhenNothingLiesUnderTheRoot()
            throws Exception {
        Path json = dir.resolve("default.json");
        Path sarif = dir.resolve("default.sarif");
        RunCommandTest.Outcome outcome = RunCommandTest.main("check", "-q", "--json", json.toString(), "--sarif",
                sarif.toString(), "--", exe("src/leaky.c"), "1");
        assertEquals(1, outcome.code(), outcome.stdout() + outcome.stderr());
        Path top = dev.vgharness.report.SourceRoots.checkoutOf(Path.of(""));
        String expectedUri = top.relativize(Fixtures.file("src/leaky.c").toAbsolutePath().normalize()).toString();

        JsonNode run = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0");
        assertEquals(top.toUri().toString(), run.at("/originalUriBaseIds/SRCROOT/uri").asText());
        JsonNode artifact = run.at("/results/0/locations/0/physicalLocation/artifactLocation");
        assertEquals(expectedUri + " SRCROOT", artifact.path("uri").asText() + " " + artifact.path("uriBaseId").asText());
        assertEquals("", outcome.stderr(), "every result has a frame under the root");

        Path merged = dir.resolve("merged.sarif");
        RunCommandTest.Outcome merge = RunCommandTest.main("merge", json.toString(), "--sarif", merged.toString());
        assertEquals(artifact, new ObjectMapper().readTree(merged.toFile())
                .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation"), merge.stderr());

        Path elsewhere = java.nio.file.Files.createDirectories(dir.resolve("elsewhere"));
        RunCommandTest.Outcome unplaced = RunCommandTest.main("merge", json.toString(), "--sarif", merged.toString(),
                "--source-root", elsewhere.toString());
        assertTrue(unplaced.stderr().contains("vgharness: warning: no frame of the "), unplaced.stderr());
        assertTrue(unplaced.stderr().contains(" is in a file under the source root " + elsewhere.toAbsolutePath()
                + ": code scanning cannot place them in the code"), unplaced.stderr());
        SchemaValidation.assertValidSarif(new ObjectMapper().readTree(merged.toFile()));
    }

    private static String littleEndian(long value, int bytes) {
        List<String> hex = new ArrayList<>();
        for (int i = 0; i < bytes; i++) {
            hex.add(String.format("%02x", (value >>> (8 * i)) & 0xff));
        }
        return String.join(" ", hex);
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
    void findLostSaysWhereTheLargestLeakWasLostInTheTableTheSummaryAndEveryReport() throws Exception {
        int mark = Fixtures.line("src/lost.c", "loop");
        Check c = check("--find-lost-limit", "1", "--", exe("src/lost.c"));

        String line = "lost at fill_cache (lost.c:" + mark + "): local item in fill_cache overwritten";
        assertTrue(c.stdout().contains("\n       " + line + "\n"), "under its record in the table: " + c.stdout());
        assertTrue(c.stdout().contains("(200 B): " + line + "\n"), "in the summary: " + c.stdout());
        assertFailedLine(c, "lost", "exited 0");
        List<JsonNode> followed = new ArrayList<>();
        c.json().at("/cases/0/final/loss_records").forEach(r -> {
            if (!r.path("lost_at").isNull()) {
                followed.add(r);
            }
        });
        assertEquals(1, followed.size(), "only the largest record is followed");
        JsonNode lostAt = followed.get(0).path("lost_at");
        assertEquals(List.of(200L, (long) mark, "overwritten", "local item in fill_cache", "fill_cache"),
                List.of(followed.get(0).path("bytes").asLong(), lostAt.path("line").asLong(), lostAt.path("how").asText(),
                        lostAt.path("held_by").asText(), lostAt.path("function").asText()));
        JsonNode result = null;
        for (JsonNode r : c.sarif().at("/runs/0/results")) {
            if (r.has("relatedLocations")) {
                result = r;
            }
        }
        assertTrue(result != null, c.sarif().toString());
        assertEquals(mark, result.at("/locations/1/physicalLocation/region/startLine").asInt(), result.toString());
        assertEquals(List.of("allocated here", "lost here"), List.of(
                result.at("/relatedLocations/0/message/text").asText(), result.at("/relatedLocations/1/message/text")
                        .asText()));
        String source = Fixtures.file("src/lost.c").toString();
        assertTrue(c.html().contains("lost: fill_cache (" + source + ":" + mark + ")</code><pre class=\"src\">" + mark
                + ": "), "the losing line with its source in HTML");
    }

    @Test
    void findLostOptionsThatCannotWorkAreUsageErrorsAndRunNothing() {
        RunCommandTest.Outcome limit = RunCommandTest.main("check", "--find-lost-limit", "0", "--", "/bin/true");
        assertEquals(2, limit.code());
        assertEquals("vgharness: --find-lost-limit: 0 is not at least 1\n", limit.stderr());

        RunCommandTest.Outcome nativeMode = RunCommandTest.main("check", "--find-lost", "--native", "--", "/bin/true");
        assertEquals(2, nativeMode.code());
        assertEquals("vgharness: --find-lost needs Memcheck: it cannot be combined with --native\n",
                nativeMode.stderr());
        assertEquals("", nativeMode.stdout());
    }

    @Test
    void aFailOnWordOrExitStatusThatIsNotOneIsAUsageErrorAndRunsNothing() {
        RunCommandTest.Outcome word = RunCommandTest.main("check", "--fail-on", "definite,leaks", "--", "/bin/true");
        assertEquals(2, word.code());
        assertTrue(word.stderr().startsWith("vgharness: Invalid value for option '--fail-on' (KINDS): expected one of"
                + " [DEFINITE, INDIRECT, POSSIBLE, REACHABLE, ERRORS, NONE] (case-insensitive) but was 'leaks'\n"),
                word.stderr());
        assertEquals("", word.stdout());

        RunCommandTest.Outcome none = RunCommandTest.main("check", "--fail-on", "none,errors", "--", "/bin/true");
        assertEquals(2, none.code());
        assertEquals(1, none.stderr().lines().count(), none.stderr());

        RunCommandTest.Outcome exit = RunCommandTest.main("check", "--allow-exit", "three", "--", "/bin/true");
        assertEquals(2, exit.code());
        assertTrue(exit.stderr().startsWith("vgharness: Invalid value for option '--allow-exit' (N): 'three' is not an"
                + " exit status (0 to 255)\n"), exit.stderr());

        RunCommandTest.Outcome range = RunCommandTest.main("check", "--allow-exit", "256", "--", "/bin/true");
        assertEquals(2, range.code());
        assertTrue(range.stderr().startsWith("vgharness: Invalid value for option '--allow-exit' (N): '256' is not an"
                + " exit status (0 to 255)\n"), range.stderr());
    }
}
