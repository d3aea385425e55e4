package dev.vgharness.vgdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether this process may ptrace-attach to another one, and if not, why, in one line: another tracer holds it
 * (TracerPid in its status), it belongs to another user, or Yama forbids attaching to a process that is not a
 * descendant ({@code /proc/sys/kernel/yama/ptrace_scope} 1), needs CAP_SYS_PTRACE (2) or disables ptrace (3).
 */
public final class AttachPermission {

    /** The real file; absent when the kernel has no Yama. */
    public static final Path YAMA_SCOPE = Path.of("/proc/sys/kernel/yama/ptrace_scope");

    private AttachPermission() {
    }

    /** Empty when attaching to {@code pid} should work; else the reason. */
    public static Optional<String> whyNot(long pid, Path yamaScope) {
        Optional<Long> tracer = LiveProcess.statusField(pid, "TracerPid");
        if (tracer.isEmpty()) {
            return Optional.of("cannot read /proc/" + pid + "/status");
        }
        if (tracer.get() != 0) {
            return Optional.of("process " + pid + " is already traced by process " + tracer.get() + " ("
                    + String.join(" ", LiveProcess.commandLine(tracer.get())) + "): only one tracer at a time");
        }
        boolean capable = Doctor.hasPtraceCapability();
        Optional<Long> owner = LiveProcess.statusField(pid, "Uid");
        Optional<Long> self = LiveProcess.statusField(ProcessHandle.current().pid(), "Uid");
        if (!capable && !owner.equals(self)) {
            return Optional.of("process " + pid + " belongs to uid " + owner.map(String::valueOf).orElse("?")
                    + ", vgharness runs as uid " + self.map(String::valueOf).orElse("?")
                    + ": run it as that user or as root");
        }
        return yama(yamaScope, capable);
    }

    private static Optional<String> yama(Path yamaScope, boolean capable) {
        if (!Files.exists(yamaScope)) {
            return Optional.empty();
        }
        String scope;
        try {
            scope = Files.readString(yamaScope).strip();
        } catch (IOException e) {
            return Optional.of("cannot read " + yamaScope + ": " + e.getMessage());
        }
        return switch (scope) {
            case "0" -> Optional.empty();
            case "1", "2" -> capable ? Optional.empty() : Optional.of("Yama ptrace_scope is " + scope + ": "
                    + (scope.equals("1") ? "only an ancestor of a process may attach to it" : "attaching needs"
                    + " CAP_SYS_PTRACE") + " (run as root, or: sudo sysctl kernel.yama.ptrace_scope=0)");
            default -> Optional.of("Yama ptrace_scope is " + scope + ": ptrace is disabled until reboot");
        };
    }
}
