package dev.vgharness.report;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.memcheck.StackFrame;
import dev.vgharness.plan.Metric;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.LossRecordResult;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The readable text behind a failed expectation: the loss records of the metric's kind (for a {@code new_} metric,
 * those that grew), biggest first, each with its first frames in the user's own code.
 * <pre>
 * definitely_lost: 280 bytes in 1 blocks (+280 bytes, +1 blocks), loss record 11 of 11
 *     at make_tree (leaky.c:19)
 *     by handle_request (leaky.c:33)
 * </pre>
 */
final class FailureEvidence {

    private static final int FRAMES = 4;

    private final SourceRoots roots;

    FailureEvidence(SourceRoots roots) {
        this.roots = requireNonNull(roots, "roots is null");
    }

    /** The records (or errors) that explain a failed assertion; empty text when the metric is not about them. */
    String explain(Assertion assertion, List<LossRecordResult> records, List<MemcheckError> errors) {
        Optional<Metric> metric = assertion.metricKind();
        if (metric.isPresent() && metric.get() == Metric.ERRORS) {
            StringBuilder text = new StringBuilder();
            errors.forEach(e -> text.append(error(e)));
            return text.toString();
        }
        Optional<LeakKind> kind = metric.flatMap(Metric::recordKind);
        if (kind.isEmpty()) {
            return "";
        }
        boolean increase = metric.get().isIncrease();
        StringBuilder text = new StringBuilder();
        records.stream().filter(r -> !r.baseline() && r.record().kind() == kind.get())
                .filter(r -> !increase || orZero(r.record().bytesDelta()) > 0 || orZero(r.record().blocksDelta()) > 0)
                .sorted(Comparator.comparingLong((LossRecordResult r) -> r.record().bytes()).reversed())
                .forEach(r -> text.append(record(r.record())));
        return text.toString();
    }

    /** {@code definitely_lost: 280 bytes in 1 blocks (+280 bytes, +1 blocks), loss record 11 of 11} and frames. */
    String record(LossRecord r) {
        String delta = r.bytesDelta() == null ? "" : String.format(Locale.US, " (%s bytes, %s blocks)",
                TextSummary.signed(r.bytesDelta()), TextSummary.signed(r.blocksDelta()));
        return String.format(Locale.US, "%s: %d bytes in %d blocks%s, loss record %d of %d%n", r.kind().key(),
                r.bytes(), r.blocks(), delta, r.number(), r.of()) + frames(r.stack());
    }

    String error(MemcheckError e) {
        return e.kind() + ": " + e.what() + (e.count() > 1 ? " (" + e.count() + " times)" : "")
                + System.lineSeparator() + frames(e.stack());
    }

    private String frames(List<StackFrame> stack) {
        StringBuilder text = new StringBuilder();
        String word = "at";
        for (StackFrame f : roots.interestingFrames(stack, FRAMES)) {
            text.append("    ").append(word).append(' ').append(frame(f)).append(System.lineSeparator());
            word = "by";
        }
        return text.toString();
    }

    /** {@code make_tree (leaky.c:19)}, or {@code ??? (in /lib/libc.so.6)}. */
    static String frame(StackFrame f) {
        String function = f.function() == null ? "???" : f.function();
        if (f.file() != null) {
            return function + " (" + f.file() + (f.line() == null ? "" : ":" + f.line()) + ")";
        }
        return f.object() == null ? function : function + " (in " + f.object() + ")";
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
