package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

/**
 * A command sent at a stop and the text it printed: {@code {"command": "v.info n_errs_found", "output": "...",
 * "duration_ms": 2}}; the duration is the round trip through gdb and vgdb (for a leak search, mostly valgrind's
 * own search time).
 */
public record CommandOutput(String command, String output, long durationMs) {

    public CommandOutput {
        requireNonNull(command, "command is null");
        requireNonNull(output, "output is null");
    }

    public CommandOutput(String command, String output) {
        this(command, output, 0);
    }
}
