package dev.vgharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.result.RunResult;
import dev.vgharness.result.SampleRuns;
import org.junit.jupiter.api.Test;

class JsonReportReaderTest {

    @Test
    void readsTheJsonReportBackIntoTheSameRunResult() throws Exception {
        RunResult run = SampleRuns.run();

        RunResult read = JsonReportReader.read(JsonReport.toJson(run));

        assertEquals(run, read);
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

        RunResult merged = RunMerge.merge(java.util.List.of(first, second));

        assertEquals(new RunResult(run.tool(), run.plan(), run.environment(), run.startedAt(), 3500,
                dev.vgharness.result.RunStatus.ERROR, null, run.cases()), merged);
    }
}
