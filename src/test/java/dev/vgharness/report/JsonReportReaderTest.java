package dev.vgharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.DocSchemas;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.SampleRuns;
import org.junit.jupiter.api.Test;

class JsonReportReaderTest {

    @Test
    void readsTheJsonReportBackIntoTheSameRunResult() throws Exception {
        RunResult run = SampleRuns.run();

        RunResult read = JsonReportReader.read(JsonReport.toJson(DocSchemas.valid(run)));

        assertEquals(run, read);
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
