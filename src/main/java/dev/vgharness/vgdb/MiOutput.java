package dev.vgharness.vgdb;

import static java.util.Objects.requireNonNull;

import dev.vgharness.mi.MiRecord;
import java.util.List;

/**
 * A command's answer: its result record and every record that arrived while it ran, in order. Monitor text comes
 * as many {@code @} records (one per gdbserver packet, not per line), joined by {@link #targetText()}:
 * <pre>
 * -> 105-interpreter-exec console "monitor block_list 6"
 * <- @"==9253== 64 (24 direct, 40 indirect) bytes in 1 blocks are definitely lost in loss record 6 of 7\n"
 * <- @"==9253== 0x4A401C0[24]\n"
 * <- 105^done
 * </pre>
 */
public record MiOutput(MiRecord.Result result, List<MiRecord> records) {

    public MiOutput {
        requireNonNull(result, "result is null");
        records = List.copyOf(records);
    }

    /** The target stream ({@code @}) joined: what a monitor command printed. */
    public String targetText() {
        return streamText(MiRecord.StreamKind.TARGET);
    }

    /** The console stream ({@code ~}) joined: what a CLI command printed. */
    public String consoleText() {
        return streamText(MiRecord.StreamKind.CONSOLE);
    }

    /** The log stream ({@code &}) joined: gdb's own messages. */
    public String logText() {
        return streamText(MiRecord.StreamKind.LOG);
    }

    private String streamText(MiRecord.StreamKind kind) {
        StringBuilder sb = new StringBuilder();
        for (MiRecord r : records) {
            if (r instanceof MiRecord.Stream s && s.kind() == kind) {
                sb.append(s.text());
            }
        }
        return sb.toString();
    }
}
