package dev.vgharness.vgdb;

import dev.vgharness.mi.MiTuple;
import java.util.Optional;

/**
 * A thread from {@code -thread-info}: under vgdb the target id reads
 * {@code Thread 9450 (tid 2 VgTs_WaitSys)}.
 */
public record GdbThread(int id, String targetId, String state, Optional<GdbFrame> frame) {

    public static GdbThread of(MiTuple thread) {
        return new GdbThread(thread.integer("id"), thread.optionalString("target-id").orElse(""),
                thread.optionalString("state").orElse(""),
                thread.has("frame") ? Optional.of(GdbFrame.of(thread.tuple("frame"))) : Optional.empty());
    }
}
