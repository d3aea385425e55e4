package dev.vgharness.run;

import static java.util.Objects.requireNonNull;

import java.io.OutputStream;

/**
 * Where the target's output goes while it runs, besides the capture files the report is made from
 * ({@code --show-output}: the harness's own stdout and stderr).
 */
public record OutputEcho(OutputStream stdout, OutputStream stderr) {

    public OutputEcho {
        requireNonNull(stdout, "stdout is null");
        requireNonNull(stderr, "stderr is null");
    }
}
