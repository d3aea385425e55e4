package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

/**
 * What an action's limit left out at a stop: {@code {"action": "block_list", "loss_record": 2, "limit": 100,
 * "shown": 100, "left_out": 99900}} (blocks of that record not listed), or {@code {"action": "who_points_at",
 * "loss_record": null, "limit": 20, "shown": 20, "left_out": 2980}} (blocks of the stop not searched).
 *
 * @param lossRecord the record whose blocks were cut (block_list), or null for the whole stop (who_points_at)
 * @param shown blocks listed or searched
 * @param leftOut blocks that were not
 */
public record LeftOut(String action, Integer lossRecord, int limit, long shown, long leftOut) {

    public LeftOut {
        requireNonNull(action, "action is null");
    }

    /** {@code block_list of loss record 2: 100 of 100000 blocks shown (limit 100)}. */
    public String describe() {
        return action + (lossRecord == null ? "" : " of loss record " + lossRecord) + ": " + shown + " of "
                + (shown + leftOut) + " blocks " + (action.equals("block_list") ? "listed" : "searched") + " (limit "
                + limit + ")";
    }
}
