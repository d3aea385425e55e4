package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.LossRecord;

/**
 * A loss record as reported: Memcheck's record with the harness's deltas (since the previous leak check of the
 * case, matched by leak identity), and whether it matches the baseline (then it counts in no metric).
 */
public record LossRecordResult(LossRecord record, boolean baseline) {

    public LossRecordResult {
        requireNonNull(record, "record is null");
    }
}
