package dev.vgharness.plan;

import static java.util.Objects.requireNonNull;

/** A command sent at a stop and the text it printed: {@code {"command": "v.info n_errs_found", "output": "..."}}. */
public record CommandOutput(String command, String output) {

    public CommandOutput {
        requireNonNull(command, "command is null");
        requireNonNull(output, "output is null");
    }
}
