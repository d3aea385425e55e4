package dev.vgharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.Fixtures;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.SampleRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossRecordFilterTest {

    @Test
    void ownCodeOnlyDropsRecordsWithoutAFrameUnderASourceRootEverywhere() {
        RunResult filtered = LossRecordFilter.ownCodeOnly(SampleRuns.run(), new SourceRoots(List.of(Fixtures.file("src"))));
        CaseResult growth = filtered.cases().get(0);
        CaseResult hostile = filtered.cases().get(1);

        assertEquals(SampleRuns.growth().stops().get(0).leakCheck().lossRecords(),
                growth.stops().get(0).leakCheck().lossRecords());
        assertEquals(SampleRuns.growth().finalResults(), growth.finalResults());
        assertEquals(List.<LossRecordResult>of(), hostile.finalResults().lossRecords());
        assertEquals(SampleRuns.hostile().finalResults().summary(), hostile.finalResults().summary());
    }

    @Test
    void sourceRootsFindValgrindsBareFileNamesUnderTheRoot() {
        SourceRoots roots = new SourceRoots(List.of(Fixtures.file("src")));

        assertEquals(true, roots.isOwn(SampleRuns.frame(1, "main", "leaky.c", 3)));
        assertEquals(false, roots.isOwn(new dev.vgharness.memcheck.StackFrame(1, "strdup", "strdup.c", 42, null)));
        assertEquals(false, roots.isOwn(SampleRuns.malloc()));
        assertEquals(dev.vgharness.Fixtures.file("src/leaky.c"), roots.resolve("src/leaky.c").orElseThrow());
    }
}
