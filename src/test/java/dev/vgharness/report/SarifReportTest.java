package dev.vgharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vgharness.Fixtures;
import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.FinalResults;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.SampleRuns;
import dev.vgharness.result.StopLeakCheck;
import dev.vgharness.result.StopResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportTest {

    private static JsonNode sarif(RunResult run) {
        return SarifReport.toJson(run, new SourceRoots(List.of(Fixtures.file("src"))));
    }

    private static List<String> values(JsonNode results, String pointer) {
        List<String> values = new ArrayList<>();
        results.forEach(r -> values.add(r.at(pointer).asText()));
        return values;
    }

    /** The same run with the leak allocated one line further down (an edit above it). */
    private static RunResult movedOneLine() {
        CaseResult growth = SampleRuns.growth();
        LossRecordResult moved = new LossRecordResult(SampleRuns.record(3, LeakKind.DEFINITELY_LOST, 128, 4, 32,
                SampleRuns.requestStack(30)), false);
        FinalResults fin = new FinalResults(growth.finalResults().summary(), List.of(moved),
                growth.finalResults().errors(), true);
        CaseResult changed = new CaseResult(growth.name(), growth.status(), null, growth.command(), 7, 1, growth.stops(),
                growth.exit(), fin, growth.assertions(), null);
        RunResult run = SampleRuns.run();
        return new RunResult(run.tool(), run.plan(), run.environment(), run.startedAt(), 1, run.status(), null,
                List.of(changed, SampleRuns.hostile()));
    }

    @Test
    void writesALogThatTheSarifSchemaAccepts() throws Exception {
        SchemaValidation.assertValidSarif(sarif(SampleRuns.run()));
    }

    @Test
    void reportsEachLostLeakAndErrorOnceWithExitTimeNumbersFirst() {
        JsonNode results = sarif(SampleRuns.run()).at("/runs/0/results");

        assertEquals(List.of("leak/definitely_lost", "memcheck/InvalidRead", "leak/definitely_lost", "leak/possibly_lost"),
                values(results, "/ruleId"));
        assertEquals(List.of("128", "", "16", "64"), values(results, "/properties/bytes"));
        assertEquals("128 bytes in 4 blocks are definitely lost (loss record 3 of 3), allocated by handle_request",
                results.at("/0/message/text").asText());
        assertEquals("Invalid read of size 4. Address 0x4a5a050 is 0 bytes after a block of size 16 alloc'd",
                results.at("/1/message/text").asText());
        assertEquals(List.of("", "", "", "external"), values(results, "/suppressions/0/kind"));
    }

    @Test
    void aRecordThatVanishedAtAStopIsNoFinding() {
        CaseResult growth = SampleRuns.growth();
        StopResult stop = growth.stops().get(0);
        LossRecordResult freed = new LossRecordResult(new LossRecord(1, 4, LeakKind.POSSIBLY_LOST, 0, 0, 0, 0, -48L,
                -48L, 0L, -1L, false, List.of(SampleRuns.malloc(), SampleRuns.frame(0x109400L, "drop", "leaky.c", 60))),
                false);
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
        assertEquals(List.of("unimportant", "important", "important"), values(steps, "/importance"));
        assertEquals("", steps.at("/0/location/physicalLocation").asText());
    }

    @Test
    void fingerprintsStayTheSameAcrossRunsAndWhenLinesMove() {
        List<String> first = values(sarif(SampleRuns.run()).at("/runs/0/results"), "/partialFingerprints/leakIdentity~1v1");
        List<String> again = values(sarif(SampleRuns.run()).at("/runs/0/results"), "/partialFingerprints/leakIdentity~1v1");
        JsonNode moved = sarif(movedOneLine()).at("/runs/0/results");

        assertEquals(first, again);
        assertEquals(first, values(moved, "/partialFingerprints/leakIdentity~1v1"));
        assertEquals("30", moved.at("/0/locations/0/physicalLocation/region/startLine").asText());
        assertEquals(4, first.stream().distinct().count());
        assertNotEquals("", first.get(0));
    }

    @Test
    void declaresEveryRuleItUsesWithItsIndex() {
        JsonNode run = sarif(SampleRuns.run()).at("/runs/0");

        assertEquals(List.of("leak/definitely_lost", "leak/possibly_lost", "memcheck/InvalidRead"),
                values(run.at("/tool/driver/rules"), "/id"));
        assertEquals(List.of("0", "2", "0", "1"), values(run.at("/results"), "/ruleIndex"));
        assertEquals("vgharness", run.at("/tool/driver/name").asText());
    }

    @Test
    void schemaCheckRejectsAResultWithoutAMessage() {
        com.fasterxml.jackson.databind.node.ObjectNode log = SarifReport.toJson(SampleRuns.run(), new SourceRoots(List.of(Fixtures.file("src"))));
        ((com.fasterxml.jackson.databind.node.ObjectNode) log.at("/runs/0/results/0")).remove("message");

        org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class,
                () -> SchemaValidation.assertValidSarif(log));
    }
}
