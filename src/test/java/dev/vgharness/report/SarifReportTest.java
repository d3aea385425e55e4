package dev.vgharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vgharness.Fixtures;
import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LeakSites;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.StackFrame;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.FinalResults;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.SampleRuns;
import dev.vgharness.result.StopLeakCheck;
import dev.vgharness.result.StopResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {

    private static final String LEAK_KEY = "/partialFingerprints/leakIdentity~1v2";

    @TempDir
    Path dir;

    private static JsonNode sarif(RunResult run) {
        return SarifReport.toJson(run, new SourceRoots(List.of(Fixtures.file("src"))));
    }

    private static List<String> values(JsonNode results, String pointer) {
        List<String> values = new ArrayList<>();
        results.forEach(r -> values.add(r.at(pointer).asText()));
        return values;
    }

    /** The leaks of leaky.c's handle_request as a run with this source root finds them, its lines moved by shift. */
    private static RunResult requestLeaks(Path root, int shift) {
        SourceLines sources = new SourceLines(new SourceRoots(List.of(root)));
        List<LossRecord> records = List.of(
                SampleRuns.record(1, LeakKind.DEFINITELY_LOST, 32, 1, 0, requestStack(29 + shift, 49 + shift)),
                SampleRuns.record(2, LeakKind.DEFINITELY_LOST, 96, 3, 0, requestStack(33 + shift, 49 + shift)));
        List<List<String>> sites = LeakSites.of(records, sources);
        return SampleRuns.runOf(SampleRuns.exitCase("growth", List.of(
                new LossRecordResult(records.get(0), false, sites.get(0)),
                new LossRecordResult(records.get(1), false, sites.get(1)))));
    }

    private static List<StackFrame> requestStack(int line, int mainLine) {
        return List.of(SampleRuns.malloc(), SampleRuns.frame(0x109166L, "handle_request", "leaky.c", line),
                SampleRuns.frame(0x109362L, "main", "leaky.c", mainLine));
    }

    /** A copy of leaky.c with lines added above everything. */
    private Path movedDown(int lines) throws Exception {
        Path root = dir.resolve("moved");
        Files.createDirectories(root);
        Files.writeString(root.resolve("leaky.c"), "/* new header line */\n".repeat(lines)
                + Files.readString(Fixtures.file("src/leaky.c")));
        return root;
    }

    private static long lostBytes(RunResult run) {
        return run.cases().stream().flatMap(c -> c.finalResults().lossRecords().stream())
                .filter(r -> r.record().kind() != LeakKind.STILL_REACHABLE).mapToLong(r -> r.record().bytes()).sum();
    }

    private static long sarifBytes(JsonNode results) {
        long sum = 0;
        for (JsonNode r : results) {
            sum += r.at("/properties/bytes").asLong();
        }
        return sum;
    }

    @Test
    void writesALogThatTheSarifSchemaAccepts() throws Exception {
        SchemaValidation.assertValidSarif(sarif(SampleRuns.run()));
    }

    @Test
    void reportsEachLostLeakIdentityOnceWithExitTimeNumbersFirstThenTheErrors() {
        JsonNode results = sarif(SampleRuns.run()).at("/runs/0/results");

        assertEquals(List.of("leak/definitely_lost", "leak/definitely_lost", "leak/possibly_lost", "memcheck/InvalidRead"),
                values(results, "/ruleId"));
        assertEquals(List.of("128", "16", "64", ""), values(results, "/properties/bytes"));
        assertEquals("128 bytes in 4 blocks are definitely lost (loss record 3 of 3), allocated by handle_request",
                results.at("/0/message/text").asText());
        assertEquals("Invalid read of size 4. Address 0x4a5a050 is 0 bytes after a block of size 16 alloc'd",
                results.at("/3/message/text").asText());
        assertEquals(List.of("", "", "external", ""), values(results, "/suppressions/0/kind"));
        assertEquals(SampleRuns.growth().finalResults().lossRecords().get(0).identity().text(),
                results.at("/0/properties/leak_fingerprint").asText());
    }

    @Test
    void aRecordThatVanishedAtAStopIsNoFinding() {
        CaseResult growth = SampleRuns.growth();
        StopResult stop = growth.stops().get(0);
        LossRecordResult freed = new LossRecordResult(new LossRecord(1, 4, LeakKind.POSSIBLY_LOST, 0, 0, 0, 0, -48L,
                -48L, 0L, -1L, false, List.of(SampleRuns.malloc(), SampleRuns.frame(0x109400L, "drop", "leaky.c", 60))),
                false, List.of("#1"));
        StopLeakCheck check = new StopLeakCheck(stop.leakCheck().command(), stop.leakCheck().summary(),
                List.of(freed), stop.leakCheck().output());
        StopResult withFreed = new StopResult(stop.breakpoint(), stop.hit(), stop.thread(), stop.frame(), check,
                List.of(), List.of(), List.of(), stop.errors(), stop.rssKb(), stop.assertions(), List.of(),
                stop.transcript(), stop.durationMs());
        CaseResult c = new CaseResult(growth.name(), growth.status(), null, growth.command(), 7, 1,
                List.of(withFreed), growth.exit(), growth.finalResults(), growth.assertions(), null);
        RunResult run = SampleRuns.run();
        JsonNode results = sarif(new RunResult(run.tool(), run.plan(), run.environment(), run.startedAt(), 1,
                run.status(), null, List.of(c))).at("/runs/0/results");

        assertEquals(List.of("leak/definitely_lost", "memcheck/InvalidRead"), values(results, "/ruleId"));
    }

    @Test
    void locatesALeakAtItsFirstFrameInTheUsersSourceAndKeepsTheWholeStackAsCodeFlow() throws Exception {
        JsonNode result = sarif(SampleRuns.run()).at("/runs/0/results/0");

        assertEquals(new ObjectMapper().readTree("""
                {"physicalLocation": {"artifactLocation": {"uri": "leaky.c", "uriBaseId": "SRCROOT"},
                                      "region": {"startLine": 29}},
                 "logicalLocations": [{"name": "handle_request", "kind": "function"}],
                 "message": {"text": "handle_request (leaky.c:29)"}}"""), result.at("/locations/0"));
        JsonNode steps = result.at("/codeFlows/0/threadFlows/0/locations");
        assertEquals(List.of("malloc", "handle_request", "main"), values(steps, "/location/logicalLocations/0/name"));
        assertEquals(List.of("unimportant", "essential", "important"), values(steps, "/importance"));
        assertEquals("", steps.at("/0/location/physicalLocation").asText());
    }

    @Test
    void fingerprintsStayTheSameAcrossRunsAndWhenCodeAboveMoves() throws Exception {
        Path original = Fixtures.file("src");
        List<String> first = values(sarif(requestLeaks(original, 0)).at("/runs/0/results"), LEAK_KEY);
        List<String> again = values(sarif(requestLeaks(original, 0)).at("/runs/0/results"), LEAK_KEY);
        JsonNode moved = sarif(requestLeaks(movedDown(3), 3)).at("/runs/0/results");

        assertEquals(first, again);
        assertEquals(first, values(moved, LEAK_KEY));
        assertEquals("32", moved.at("/0/locations/0/physicalLocation/region/startLine").asText());
        assertEquals(2, first.stream().distinct().count());
        assertEquals(16, first.get(0).length());
    }

    @Test
    void twoSitesOfOneFunctionAreTwoResultsAndRecordsSharingASiteAreOneWithTheirBytesAdded() {
        List<LossRecord> records = new ArrayList<>(SampleRuns.requestSites());
        records.add(SampleRuns.record(4, LeakKind.STILL_REACHABLE, 1000, 1, 0, SampleRuns.requestStack(37)));
        RunResult run = SampleRuns.runOf(SampleRuns.exitCase("sites", SampleRuns.check(records, r -> false)));

        JsonNode results = sarif(run).at("/runs/0/results");

        assertEquals(List.of("128", "40"), values(results, "/properties/bytes"));
        assertEquals(List.of("4", "1"), values(results, "/properties/blocks"));
        assertEquals(List.of("2", "1"), values(results, "/properties/loss_records"));
        assertEquals(lostBytes(run), sarifBytes(results));
        assertEquals(2, results.at("/0/codeFlows").size());
        assertEquals("128 bytes in 4 blocks are definitely lost (2 loss records), allocated by handle_request",
                results.at("/0/message/text").asText());
    }

    @Test
    void aLeakInSeveralCasesIsOneResultNamingEveryCaseWithAllTheirBytes() throws Exception {
        LossRecord leak = SampleRuns.record(1, LeakKind.DEFINITELY_LOST, 32, 1, 0, SampleRuns.requestStack(29));
        RunResult run = SampleRuns.runOf(SampleRuns.exitCase("one", SampleRuns.check(leak)),
                SampleRuns.exitCase("two", SampleRuns.check(leak)));

        JsonNode results = sarif(run).at("/runs/0/results");

        assertEquals(1, results.size());
        assertEquals(new ObjectMapper().readTree("[\"one\", \"two\"]"), results.at("/0/properties/cases"));
        assertEquals(64, results.at("/0/properties/bytes").asLong());
        assertEquals(1, results.at("/0/codeFlows").size());
        SchemaValidation.assertValidSarif(sarif(run));
    }

    @Test
    void errorsKeepTheirFingerprintKey() {
        JsonNode error = sarif(SampleRuns.run()).at("/runs/0/results/3");

        assertEquals(SarifFindings.errorHash(SampleRuns.growth().finalResults().errors().get(0)),
                error.at("/partialFingerprints/leakIdentity~1v1").asText());
        assertEquals("", error.at(LEAK_KEY).asText());
    }

    @Test
    void declaresEveryRuleItUsesWithItsIndex() {
        JsonNode run = sarif(SampleRuns.run()).at("/runs/0");

        assertEquals(List.of("leak/definitely_lost", "leak/possibly_lost", "memcheck/InvalidRead"),
                values(run.at("/tool/driver/rules"), "/id"));
        assertEquals(List.of("0", "0", "1", "2"), values(run.at("/results"), "/ruleIndex"));
        assertEquals("vgharness", run.at("/tool/driver/name").asText());
    }

    @Test
    void rulesExplainTheFindingLinkIntoTheMemcheckManualAndRateInvalidReadsForSecurity() {
        JsonNode rules = sarif(SampleRuns.run()).at("/runs/0/tool/driver/rules");

        JsonNode definite = rules.get(0);
        assertEquals("No pointer to the block exists anywhere any more: it can never be freed.",
                definite.at("/fullDescription/text").asText());
        assertTrue(definite.at("/help/markdown").asText().startsWith("**Definitely lost:** when Memcheck searched,"),
                definite.toString());
        assertTrue(definite.at("/help/markdown").asText().contains("**How to fix:**"), definite.toString());
        assertTrue(definite.at("/help/text").asText().startsWith("Definitely lost: when Memcheck searched,"),
                definite.toString());
        assertEquals("https://valgrind.org/docs/manual/mc-manual.html#mc-manual.leaks", definite.at("/helpUri").asText());
        assertEquals(List.of("memory", "leak", "external/cwe/cwe-401"), values(definite.at("/properties/tags"), ""));
        assertTrue(definite.at("/properties/security-severity").isMissingNode(), definite.toString());

        JsonNode read = rules.get(2);
        assertEquals("memcheck/InvalidRead", read.at("/id").asText());
        assertEquals("7.5", read.at("/properties/security-severity").asText());
        assertEquals("https://valgrind.org/docs/manual/mc-manual.html#mc-manual.badrw", read.at("/helpUri").asText());
        assertEquals(List.of("memory", "security", "external/cwe/cwe-125"), values(read.at("/properties/tags"), ""));
    }

    @Test
    void aFileThatNoRootHoldsKeepsItsRelativeNameWithTheFirstRootsBase() {
        JsonNode locations = sarif(SampleRuns.run()).at("/runs/0/results/0/codeFlows/0/threadFlows/0/locations");
        List<String> bases = new java.util.ArrayList<>();
        locations.forEach(step -> {
            JsonNode artifact = step.at("/location/physicalLocation/artifactLocation");
            if (!artifact.isMissingNode()) {
                bases.add(artifact.path("uri").asText() + " " + artifact.path("uriBaseId").asText());
            }
        });

        assertEquals(List.of("leaky.c SRCROOT", "leaky.c SRCROOT"), bases);
        JsonNode elsewhere = SarifReport.toJson(SampleRuns.run(), new SourceRoots(List.of(Fixtures.file("memcheck"))))
                .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
        assertEquals("leaky.c", elsewhere.path("uri").asText());
        assertEquals("SRCROOT", elsewhere.path("uriBaseId").asText());
    }

    @Test
    void resultsWithNoFrameUnderASourceRootAreWarnedAbout() {
        assertEquals(java.util.Optional.empty(), SarifReport.unplaced(SampleRuns.run(),
                new SourceRoots(List.of(Fixtures.file("src")))));
        Path elsewhere = Fixtures.file("memcheck");

        assertEquals(java.util.Optional.of("no frame of the 4 SARIF results is in a file under the source root "
                + elsewhere.toAbsolutePath().normalize() + ": code scanning cannot place them in the code (build with -g,"
                + " or pass --source-root DIR)"), SarifReport.unplaced(SampleRuns.run(),
                        new SourceRoots(List.of(elsewhere))));
    }

    @Test
    void theDefaultRootOfCheckAndMergeIsTheTopOfTheGitCheckoutElseTheFolderItself(@TempDir Path dir)
            throws Exception {
        Path sub = Files.createDirectories(dir.resolve("repo/src/deep"));
        Files.createDirectories(dir.resolve("repo/.git"));
        Path plain = Files.createDirectories(dir.resolve("plain/x"));
        Path worktree = Files.createDirectories(dir.resolve("wt/src"));
        Files.writeString(dir.resolve("wt/.git"), "gitdir: /elsewhere/.git/worktrees/wt\n");

        assertEquals(dir.resolve("repo"), SourceRoots.checkoutOf(sub));
        assertEquals(dir.resolve("wt"), SourceRoots.checkoutOf(worktree));
        // A temporary folder lies in no checkout (unless /tmp is in one, which no machine here has).
        assertEquals(plain, SourceRoots.checkoutOf(plain));
    }

    @Test
    void schemaCheckRejectsAResultWithoutAMessage() {
        com.fasterxml.jackson.databind.node.ObjectNode log = SarifReport.toJson(SampleRuns.run(), new SourceRoots(List.of(Fixtures.file("src"))));
        ((com.fasterxml.jackson.databind.node.ObjectNode) log.at("/runs/0/results/0")).remove("message");

        org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class,
                () -> SchemaValidation.assertValidSarif(log));
    }
}
