package dev.vgharness.report;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.LeakIdentity;
import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.memcheck.StackFrame;
import dev.vgharness.plan.Metric;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.LossRecordResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The readable text behind a failed expectation: the loss records of the metric's kind (for a {@code new_} metric,
 * those that grew), one entry per leak identity with the SARIF hash, biggest first, each with its first frames in
 * the user's own code. Records that share an identity are one entry: bytes, blocks and deltas summed, every
 * stack shown.
 * <pre>
 * definitely_lost: 280 bytes in 1 blocks (+280 bytes, +1 blocks), loss record 11 of 11, identity 9f2c1a0b3d4e5f60
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
        Map<LeakIdentity, List<LossRecord>> byIdentity = new LinkedHashMap<>();
        records.stream().filter(r -> !r.baseline() && r.record().kind() == kind.get())
                .filter(r -> !increase || orZero(r.record().bytesDelta()) > 0 || orZero(r.record().blocksDelta()) > 0)
                .forEach(r -> byIdentity.computeIfAbsent(r.identity(), i -> new ArrayList<>()).add(r.record()));
        StringBuilder text = new StringBuilder();
        byIdentity.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<LeakIdentity, List<LossRecord>> e) -> bytes(e.getValue()))
                        .reversed())
                .forEach(e -> text.append(leak(e.getKey(), e.getValue())));
        return text.toString();
    }

    /**
     * {@code definitely_lost: 280 bytes in 1 blocks (+280 bytes, +1 blocks), loss record 11 of 11, identity 9f2c...}
     * and the frames of each different stack.
     */
    String leak(LeakIdentity identity, List<LossRecord> same) {
        LossRecord first = same.get(0);
        long blocks = same.stream().mapToLong(LossRecord::blocks).sum();
        boolean deltas = same.stream().allMatch(r -> r.bytesDelta() != null);
        String delta = !deltas ? "" : String.format(Locale.US, " (%s bytes, %s blocks)",
                TextSummary.signed(same.stream().mapToLong(LossRecord::bytesDelta).sum()),
                TextSummary.signed(same.stream().mapToLong(r -> orZero(r.blocksDelta())).sum()));
        String numbers = same.size() == 1 ? "loss record " + first.number()
                : "loss records " + String.join(", ", same.stream().map(r -> Integer.toString(r.number())).toList());
        StringBuilder text = new StringBuilder(String.format(Locale.US, "%s: %d bytes in %d blocks%s, %s of %d, "
                + "identity %s%n", first.kind().key(), bytes(same), blocks, delta, numbers, first.of(), identity.hash()));
        String separator = "";
        for (String frames : same.stream().map(r -> frames(r.stack())).distinct().toList()) {
            text.append(separator).append(frames);
            separator = "    --" + System.lineSeparator();
        }
        return text.toString();
    }

    private static long bytes(List<LossRecord> records) {
        return records.stream().mapToLong(LossRecord::bytes).sum();
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
