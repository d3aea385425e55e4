package dev.vgharness.plan;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A case that watches a process already running instead of starting one: {@code attach: {pid: 4242}} or
 * {@code attach: {pidfile: /run/server.pid}} (read when the case runs; relative to the plan's folder). Only with
 * {@code mode: native} and {@code sample:}; the process is left running when the case ends.
 */
public record AttachSpec(OptionalLong pid, Optional<Path> pidfile) {

    public AttachSpec {
        if (pid.isPresent() == pidfile.isPresent()) {
            throw new IllegalArgumentException("attach needs exactly one of pid and pidfile");
        }
    }
}
