package dev.vgharness.report;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.plan.Metric;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.LossRecordResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The lines under a {@code FAILED} line of a live case block: the biggest loss records of the metric's kind (for a
 * {@code new_} metric, those that grew), baseline records left out, each with its first own frame; for
 * {@code errors}, every Memcheck error with its kind and first own frame. The same records the JUnit failure text
 * explains, one line each.
 * <pre>
 *            definitely_lost 280 B (40 direct, 240 indirect) in 1 blocks (+280 B), loss record 11 of 11, at make_tree leaky.c:19
 *            ... and 2 more definitely_lost records
 * </pre>
 */
final class FailedLineEvidence {

    static final int TOP_RECORDS = 3;
    private static final String INDENT = "           ";

    private final SourceRoots roots;

    FailedLineEvidence(SourceRoots roots) {
        this.roots = requireNonNull(roots, "roots is null");
    }

    List<String> lines(Assertion assertion, List<LossRecordResult> records, List<MemcheckError> errors) {
        Optional<Metric> metric = assertion.metricKind();
        if (metric.isPresent() && metric.get() == Metric.ERRORS) {
            return errors.stream().map(e -> INDENT + TextSummary.error(e, roots)).toList();
        }
        Optional<LeakKind> kind = metric.flatMap(Metric::recordKind);
        if (kind.isEmpty()) {
            return List.of();
        }
        boolean increase = metric.get().isIncrease();
        List<LossRecord> behind = records.stream().filter(r -> !r.baseline() && r.record().kind() == kind.get())
                .map(LossRecordResult::record)
                .filter(r -> !increase || orZero(r.bytesDelta()) > 0 || orZero(r.blocksDelta()) > 0)
                .sorted(Comparator.comparingLong(LossRecord::bytes).reversed()).toList();
        List<String> lines = new ArrayList<>();
        behind.stream().limit(TOP_RECORDS).forEach(r -> lines.add(INDENT + record(r)));
        if (behind.size() > TOP_RECORDS) {
            lines.add(INDENT + "... and " + (behind.size() - TOP_RECORDS) + " more " + kind.get().key() + " records");
        }
        return lines;
    }

    /**
     * {@code definitely_lost 280 B (40 direct, 240 indirect) in 1 blocks (+280 B), loss record 11 of 11, at make_tree
     * leaky.c:19}: the direct bytes are what the kind's metrics count.
     */
    private String record(LossRecord r) {
        String delta = r.bytesDelta() == null || r.bytesDelta() == 0 ? ""
                : " (" + TextSummary.signed(r.bytesDelta()) + " B)";
        String where = roots.bestFrame(r.stack()).map(f -> ", at " + (f.function() == null ? "???" : f.function())
                + (f.file() == null ? "" : " " + f.file() + (f.line() == null ? "" : ":" + f.line()))).orElse("");
        String split = r.indirectBytes() == 0 ? ""
                : " (" + r.directBytes() + " direct, " + r.indirectBytes() + " indirect)";
        return String.format(Locale.ROOT, "%s %d B%s in %d blocks%s, loss record %d of %d%s", r.kind().key(), r.bytes(),
                split, r.blocks(), delta, r.number(), r.of(), where);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
