package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.memcheck.LeakCheckAnswer;
import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.memcheck.LeakTotals;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.SourceText;
import dev.vgharness.memcheck.StackFrame;
import dev.vgharness.plan.Metric;
import dev.vgharness.result.LossRecordResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakMetricsTest {

    private static final List<StackFrame> TREE = List.of(new StackFrame(1, "calloc", null, null, "vgpreload.so"),
            new StackFrame(2, "make_tree", "leaky.c", 19, null));

    @Test
    void baselineDefiniteRecordLeavesTheIncreaseByItsDirectBytesOnly() {
        LossRecord root = new LossRecord(11, 11, LeakKind.DEFINITELY_LOST, 280, 40, 240, 1, null, null, null, null,
                false, TREE);
        LeakSearch search = new LeakHistory().complete(new LeakCheckAnswer(List.of(root), new LeakSummary(
                new LeakTotals(40, 1, null, null), new LeakTotals(240, 6, null, null), LeakTotals.ZERO, LeakTotals.ZERO,
                LeakTotals.ZERO, List.of()), false, null, List.of(), List.of()));
        LeakSummary summary = search.summary();
        List<LossRecordResult> records = search.records().stream().map(r -> new LossRecordResult(r, true, List.of("#1"))).toList();

        assertEquals(new LossRecordResult(new LossRecord(11, 11, LeakKind.DEFINITELY_LOST, 280, 40, 240, 1, 280L, 40L,
                240L, 1L, true, TREE), true, List.of("#1")), records.get(0));
        assertEquals(0, LeakMetrics.value(Metric.byKey("new_definitely_lost_bytes").orElseThrow(), summary, records));
        assertEquals(0, LeakMetrics.value(Metric.byKey("definitely_lost_bytes").orElseThrow(), summary, records));
    }
}
