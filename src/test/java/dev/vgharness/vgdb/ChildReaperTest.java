package dev.vgharness.vgdb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.exec.DefaultExecuteResultHandler;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.PumpStreamHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildReaperTest {

    @TempDir
    Path work;

    @Test
    void sigtermToTheHarnessLeavesNoValgrindAndNoFifoDirectoryBehind() throws Exception {
        Path program = Fixtures.compile("src/leaky.c");
        Path info = work.resolve("info");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> argv = List.of(java, "-cp", System.getProperty("java.class.path"), ReaperProbe.class.getName(),
                program.toString(), info.toString());
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        TreeWatchdog watchdog = new TreeWatchdog(Duration.ofSeconds(90));
        DefaultExecutor executor = DefaultExecutor.builder().setExecuteStreamHandler(new PumpStreamHandler(output)).get();
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);
        DefaultExecuteResultHandler done = new DefaultExecuteResultHandler();
        executor.execute(ShortCommand.commandLine(argv), done);
        try {
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.exists(info) && !done.hasResult() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(info), "the probe started valgrind: " + output);
            String[] fields = Files.readString(info).split(" ");
            long valgrindPid = Long.parseLong(fields[0]);
            Path dir = Path.of(fields[1]);
            assertTrue(ProcessHandle.of(valgrindPid).map(ProcessHandle::isAlive).orElse(false));

            ProcessHandle.of(Long.parseLong(fields[2])).orElseThrow().destroy();
            done.waitFor(Duration.ofSeconds(30));

            assertTrue(done.hasResult(), "the probe JVM ended on SIGTERM");
            assertFalse(Files.exists(Path.of("/proc", fields[0])), "valgrind " + valgrindPid + " was reaped");
            assertFalse(Files.exists(dir), "the private directory " + dir + " was removed");
        } finally {
            watchdog.destroyProcess();
        }
    }
}
