package dev.vgharness.vgdb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.EndToEnd;
import dev.vgharness.Fixtures;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EndToEnd({Tool.VALGRIND, Tool.COMPILERS})
class ChildReaperTest {

    @TempDir
    Path work;

    @Test
    void sigtermToTheHarnessLeavesNoValgrindAndNoFifoDirectoryBehind() throws Exception {
        Path program = Fixtures.compile("src/leaky.c");
        Path info = work.resolve("info");
        try (ChildJvm probe = new ChildJvm(ReaperProbe.class.getName(), List.of(program.toString(), info.toString(),
                TestTools.valgrind()),
                Duration.ofSeconds(90))) {
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.exists(info) && !probe.hasEnded() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(info), "the probe started valgrind: " + probe.output());
            String[] fields = Files.readString(info).split(" ");
            long valgrindPid = Long.parseLong(fields[0]);
            Path dir = Path.of(fields[1]);
            assertTrue(ProcessHandle.of(valgrindPid).map(ProcessHandle::isAlive).orElse(false));

            ProcessHandle.of(Long.parseLong(fields[2])).orElseThrow().destroy();
            assertTrue(probe.awaitEnd(Duration.ofSeconds(30)), "the probe JVM ended on SIGTERM");
            assertFalse(Files.exists(Path.of("/proc", fields[0])), "valgrind " + valgrindPid + " was reaped");
            assertFalse(Files.exists(dir), "the private directory " + dir + " was removed");
        }
    }
}
