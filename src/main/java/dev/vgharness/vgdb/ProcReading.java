package dev.vgharness.vgdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One reading of {@code /proc/PID/status} and {@code /proc/PID/smaps}: the kernel's memory numbers and the SysV
 * shared memory segments mapped, taken from the same text so that they agree.
 */
public record ProcReading(KernelMemory memory, List<SysvSegment> sysv) {

    public ProcReading {
        java.util.Objects.requireNonNull(memory, "memory is null");
        sysv = List.copyOf(sysv);
    }

    /** Reads a live process; empty when it is gone or /proc cannot be read. */
    public static Optional<ProcReading> read(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String status = Files.readString(proc.resolve("status"));
            return Optional.of(parse(status, Files.readString(proc.resolve("smaps"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** From the text of /proc/PID/status and /proc/PID/smaps. */
    public static ProcReading parse(String status, String smaps) {
        return new ProcReading(KernelMemory.parse(status, smaps), SysvSegment.parse(smaps));
    }
}
