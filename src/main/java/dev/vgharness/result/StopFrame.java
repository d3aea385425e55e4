package dev.vgharness.result;

import dev.vgharness.vgdb.GdbFrame;
import java.util.Optional;

/**
 * Where a stop happened: {@code {"function": "handle", "file": "server.c", "line": 217, "address": "0x109205"}}.
 * File and line are null without debug information.
 */
public record StopFrame(String function, String file, Integer line, long address) {

    /** The frame gdb reported, or null when it reported none. */
    public static StopFrame of(Optional<GdbFrame> frame) {
        return frame.map(f -> new StopFrame(f.function(), f.file().orElse(null), f.line().orElse(null), f.address()))
                .orElse(null);
    }
}
