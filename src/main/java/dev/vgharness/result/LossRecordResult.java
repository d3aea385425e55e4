package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.LossRecord;

/**
 * A loss record as reported: Memcheck's record with the harness's deltas (since the previous leak search of the
 * case, whatever it showed; matched by kind and stack addresses), and whether it matches the baseline (then it
 * counts in no metric). A record that vanished since the previous search is {@link #gone()}.
 */
public record LossRecordResult(LossRecord record, boolean baseline) {

    public LossRecordResult {
        requireNonNull(record, "record is null");
    }

    /** True when the record holds no blocks any more (freed since the previous search): its deltas are negative. */
    public boolean gone() {
        return record.blocks() == 0;
    }
}
