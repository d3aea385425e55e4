package dev.vgharness.run;

import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.memcheck.LeakTotals;
import dev.vgharness.plan.Metric;
import dev.vgharness.result.LossRecordResult;
import java.util.List;

/**
 * The leak metrics of {@code expect:} read from a summary and its loss records: loss records that match the
 * baseline are taken out of every metric (their bytes and blocks, and their part of the deltas).
 */
final class LeakMetrics {

    private LeakMetrics() {
    }

    /** The value of a leak metric ({@code definitely_lost_bytes}, {@code new_possibly_lost_blocks}, ...). */
    static long value(Metric metric, LeakSummary summary, List<LossRecordResult> records) {
        if (metric.leakKind().orElse("").equals("suppressed")) {
            return read(metric, summary.suppressed());
        }
        LeakKind kind = kindOf(metric);
        long value = read(metric, summary.of(kind));
        for (LossRecordResult r : records) {
            if (r.baseline() && r.record().kind() == kind) {
                value -= part(metric, r);
            }
        }
        return value;
    }

    private static long read(Metric metric, LeakTotals totals) {
        return metric.isIncrease() ? orZero(metric.countsBytes() ? totals.bytesDelta() : totals.blocksDelta())
                : metric.countsBytes() ? totals.bytes() : totals.blocks();
    }

    private static long part(Metric metric, LossRecordResult r) {
        if (metric.isIncrease()) {
            // Like the totals below: the summary counts what a record holds indirectly under indirectly lost.
            Long bytes = r.record().directBytesDelta() != null ? r.record().directBytesDelta() : r.record().bytesDelta();
            return orZero(metric.countsBytes() ? bytes : r.record().blocksDelta());
        }
        // A definitely lost record's bytes include what it holds indirectly, which the summary counts as indirect.
        return metric.countsBytes() ? r.record().directBytes() : r.record().blocks();
    }

    private static LeakKind kindOf(Metric metric) {
        String key = metric.leakKind().orElseThrow(() -> new IllegalArgumentException("not a leak metric: " + metric));
        for (LeakKind kind : LeakKind.values()) {
            if (kind.key().equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no leak kind " + key);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
