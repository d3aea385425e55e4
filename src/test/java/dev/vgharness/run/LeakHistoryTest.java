package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.SampleRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakHistoryTest {

    private static final KnownLeaks SOURCES = new KnownLeaks(SampleRuns::sourceLines, (record, identity) -> false);

    private static LossRecord at(int line, long bytes) {
        return SampleRuns.record(1, LeakKind.DEFINITELY_LOST, bytes, bytes / 16, 0, SampleRuns.requestStack(line));
    }

    @Test
    void eachSiteOfOneFunctionGetsItsOwnDeltaWhenValgrindsSizeOrderSwapsThem() {
        LeakHistory history = new LeakHistory();
        history.records(List.of(at(29, 16), at(33, 32)), SOURCES);

        List<LossRecordResult> now = history.records(List.of(at(33, 32), at(29, 48)), SOURCES);

        assertEquals(List.of(0L, 32L), now.stream().map(r -> r.record().bytesDelta()).toList());
    }

    @Test
    void theBaselineTestSeesEachRecordWithItsIdentity() {
        List<LossRecordResult> first = new LeakHistory().records(List.of(at(29, 16), at(33, 32)), SOURCES);
        KnownLeaks onlyFirstSite = new KnownLeaks(SampleRuns::sourceLines,
                (record, identity) -> identity.equals(first.get(0).identity()));

        List<LossRecordResult> flagged = new LeakHistory().records(List.of(at(29, 16), at(33, 32)), onlyFirstSite);

        assertEquals(List.of(true, false), flagged.stream().map(LossRecordResult::baseline).toList());
    }
}
