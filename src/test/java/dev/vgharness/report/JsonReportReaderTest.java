package dev.vgharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vgharness.DocSchemas;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.SampleRuns;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportReaderTest {

    @Test
    void readsTheJsonReportBackIntoTheSameRunResult() throws Exception {
        RunResult run = SampleRuns.run();

        RunResult read = JsonReportReader.read(JsonReport.toJson(DocSchemas.valid(run)));

        assertEquals(run, read);
    }

    @Test
    void writesEachLossRecordsSitesAndIdentityAndReadsTheSitesBack() throws Exception {
        RunResult run = SampleRuns.run();
        LossRecordResult leak = run.cases().get(0).finalResults().lossRecords().get(0);

        JsonNode json = new ObjectMapper().readTree(JsonReport.toJson(run));

        JsonNode written = json.at("/cases/0/final/loss_records/0");
        assertEquals(leak.identity().text(), written.path("fingerprint").asText());
        assertEquals(leak.sites(), List.of(written.at("/sites/0").asText(), written.at("/sites/1").asText()));
        assertEquals(leak, JsonReportReader.read(JsonReport.toJson(run)).cases().get(0).finalResults().lossRecords()
                .get(0));
    }

    @Test
    void aReportOfAnOlderVersionWithoutSitesGetsTheOrdinalsOfEachCheck() throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(JsonReport.toJson(SampleRuns.run()));
        json.findParents("sites").forEach(record -> ((ObjectNode) record).remove(List.of("sites", "fingerprint")));

        RunResult read = JsonReportReader.read(json.toString());

        assertEquals(List.of("#1", "#1"), read.cases().get(0).finalResults().lossRecords().get(0).sites());
        assertEquals(List.of("#1"), read.cases().get(0).stops().get(0).leakCheck().lossRecords().get(1).sites());
    }

    @Test
    void aSiteThatIsNotOneIsAnErrorNamingTheRecord() throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(JsonReport.toJson(SampleRuns.run()));
        ((ArrayNode) json.at("/cases/0/final/loss_records/0/sites")).set(0, "line 29");

        IOException e = assertThrows(IOException.class, () -> JsonReportReader.read(json.toString()));

        assertTrue(e.getMessage().startsWith("loss record 3: sites: not a site: 'line 29' (3f9a01c2:1, #2 or -)"),
                e.getMessage());
    }

    @Test
    void theHarnessTimeIsWrittenInSnakeCaseAndReadBack() throws Exception {
        RunResult sample = SampleRuns.run();
        RunResult run = new RunResult(sample.tool(), sample.plan(), sample.environment(), sample.startedAt(),
                sample.durationMs(), sample.status(), null, sample.cases(),
                new dev.vgharness.result.HarnessTime(3, 1.25, 2.5, 1));

        String json = JsonReport.toJson(run);

        org.junit.jupiter.api.Assertions.assertTrue(json.replaceAll("\\s", "").contains("\"harness\":{\"stops\":3,"
                + "\"own_ms_per_stop_median\":1.25,\"own_ms_per_stop_max\":2.5,\"cases_without_gdb\":1}"), json);
        assertEquals(run, JsonReportReader.read(json));
    }

    @Test
    void mergesShardsIntoOneRunWithTheWorstStatusAndEveryCase() throws Exception {
        RunResult run = SampleRuns.run();
        RunResult first = new RunResult(run.tool(), run.plan(), run.environment(), run.startedAt(), 2000,
                dev.vgharness.result.RunStatus.FAILED, null, java.util.List.of(SampleRuns.growth()));
        RunResult second = new RunResult(run.tool(), run.plan(), java.util.Map.of(), run.startedAt().plusSeconds(1),
                2500, dev.vgharness.result.RunStatus.ERROR, null, java.util.List.of(SampleRuns.hostile()));

        RunResult merged = DocSchemas.valid(RunMerge.merge(java.util.List.of(first, second)));

        assertEquals(new RunResult(run.tool(), run.plan(), run.environment(), run.startedAt(), 3500,
                dev.vgharness.result.RunStatus.ERROR, null, run.cases()), merged);
    }
}
