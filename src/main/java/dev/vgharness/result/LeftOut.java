package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

/**
 * What a limit left out at a stop: {@code {"action": "block_list", "loss_record": 2, "limit": 100, "shown": 100,
 * "left_out": 99900}} (blocks of that record not listed), {@code {"action": "who_points_at", "loss_record": null,
 * "limit": 20, "shown": 20, "left_out": 2980}} (blocks of the stop not searched), or {@code {"action":
 * "leak_check", "loss_record": null, "limit": 200, "shown": 200, "left_out": 1800}} (loss records of the stop's
 * search not kept in the report; they were counted in its metrics).
 *
 * @param lossRecord the record whose blocks were cut (block_list), or null for the whole stop
 * @param shown blocks (loss records, for leak_check) listed, searched or kept
 * @param leftOut the ones that were not
 */
public record LeftOut(String action, Integer lossRecord, int limit, long shown, long leftOut) {

    public LeftOut {
        requireNonNull(action, "action is null");
    }

    /** {@code block_list of loss record 2: 100 of 100000 blocks listed (limit 100)}. */
    public String describe() {
        String what = switch (action) {
            case "block_list" -> "blocks listed";
            case "leak_check" -> "loss records kept in the report, those that changed most";
            default -> "blocks searched";
        };
        return action + (lossRecord == null ? "" : " of loss record " + lossRecord) + ": " + shown + " of "
                + (shown + leftOut) + " " + what + " (limit " + limit + ")";
    }
}
