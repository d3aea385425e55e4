package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.LeakSummary;
import java.util.List;

/**
 * A leak search at a stop: the monitor words sent, the summary with the harness's deltas, the loss records.
 *
 * @param output the raw monitor text, or null when the run keeps no transcript (the default: the parsed records
 *     say the same, and the text of 2,000 records at 50 stops is a hundred megabytes)
 */
public record StopLeakCheck(String command, LeakSummary summary, List<LossRecordResult> lossRecords, String output) {

    public StopLeakCheck {
        requireNonNull(command, "command is null");
        requireNonNull(summary, "summary is null");
        lossRecords = List.copyOf(lossRecords);
    }
}
