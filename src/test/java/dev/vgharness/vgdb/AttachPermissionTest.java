package dev.vgharness.vgdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attach permission for a process of the same user (a sleep this test starts), under each Yama scope. */
class AttachPermissionTest {

    @TempDir
    Path dir;

    private Optional<String> whyNot(String scope) throws Exception {
        Path yama = dir.resolve("ptrace_scope");
        if (scope == null) {
            Files.deleteIfExists(yama);
        } else {
            Files.writeString(yama, scope + "\n");
        }
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            return AttachPermission.whyNot(sleep.pid(), yama);
        } finally {
            sleep.destroyForcibly().waitFor();
        }
    }

    @Test
    void followsYamaAndTheCapability() throws Exception {
        boolean capable = Doctor.hasPtraceCapability();

        assertEquals(Optional.empty(), whyNot(null));
        assertEquals(Optional.empty(), whyNot("0"));
        assertEquals(capable ? Optional.empty() : Optional.of("Yama ptrace_scope is 1: only an ancestor of a process may"
                + " attach to it (run as root, or: sudo sysctl kernel.yama.ptrace_scope=0)"), whyNot("1"));
        assertEquals(capable ? Optional.empty() : Optional.of("Yama ptrace_scope is 2: attaching needs CAP_SYS_PTRACE"
                + " (run as root, or: sudo sysctl kernel.yama.ptrace_scope=0)"), whyNot("2"));
        assertEquals(Optional.of("Yama ptrace_scope is 3: ptrace is disabled until reboot"), whyNot("3"));
    }

    @Test
    void saysWhenTheProcessCannotBeRead() {
        assertEquals(Optional.of("cannot read /proc/2147483000/status"),
                AttachPermission.whyNot(2147483000L, AttachPermission.YAMA_SCOPE));
    }
}
