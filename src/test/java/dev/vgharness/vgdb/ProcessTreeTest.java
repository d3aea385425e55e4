package dev.vgharness.vgdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTreeTest {

    @TempDir
    Path temp;

    /** The group as ps(1) reads it. */
    private static long psGroup(long pid) throws Exception {
        Process ps = new ProcessBuilder("ps", "-o", "pgid=", "-p", Long.toString(pid)).start();
        String out = new String(ps.getInputStream().readAllBytes()).strip();
        ps.waitFor(10, TimeUnit.SECONDS);
        return Long.parseLong(out);
    }

    @Test
    void theProcessGroupIsReadFromProcAsPsReadsIt() throws Exception {
        long self = ProcessHandle.current().pid();
        assertEquals(psGroup(self), ProcessTree.processGroup(self));
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() throws Exception {
        Path odd = temp.resolve("x) 1 2 (y");
        Files.copy(Path.of("/bin/sleep"), odd);
        odd.toFile().setExecutable(true);
        Process p = new ProcessBuilder(odd.toString(), "30").start();
        try {
            assertEquals(psGroup(p.pid()), ProcessTree.processGroup(p.pid()));
            Optional<Character> state = LiveProcess.state(p.pid());
            assertTrue(state.equals(Optional.of('S')) || state.equals(Optional.of('R')), "sleep(1): " + state);
            assertTrue(ProcessTree.cpuTicks(p.pid()).isPresent(), "utime and stime are read past the name");
        } finally {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aProcessThatIsGoneHasNoGroup() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor(10, TimeUnit.SECONDS);
        assertEquals(-1, ProcessTree.processGroup(p.pid()));
    }
}
