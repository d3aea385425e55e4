package dev.vgharness.vgdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vgharness.WatchedService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) or SIGTERM to {@code vgharness watch --pid N} without {@code --for}: the watch ends as at the end
 * of its span, the process is detached and left running (not stopped), the reports are written, gdb is gone. A
 * terminal's Ctrl-C goes to the harness's whole process group: gdb, in a session of its own, must not get it (it
 * would pass the SIGINT on to the process, which dies of it).
 */
class InterruptedWatchTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"TERM, 143, false", "INT, 130, true"})
    void aSignalToTheHarnessDetachesWritesTheReportAndLeavesTheProcessRunning(String signal, int status,
            boolean wholeGroup) throws Exception {
        try (WatchedService service = WatchedService.start(dir, "heap")) {
            Path report = dir.resolve("report.json");
            try (ChildJvm harness = new ChildJvm("dev.vgharness.cli.Main", List.of("watch", "--pid",
                    Long.toString(service.pid()), "--every", "200ms", "--json", report.toString()),
                    Duration.ofSeconds(120), wholeGroup)) {
                awaitOutput(harness, "vgharness: 0.4s", Duration.ofSeconds(60));
                Optional<ProcessHandle> gdb = harness.process().children()
                        .filter(p -> ChildReaper.commandLine(p.pid()).contains("--interpreter=mi3")).findFirst();
                assertTrue(gdb.isPresent(), harness::output);
                assertTrue(ProcessTree.processGroup(gdb.get().pid()) == gdb.get().pid(), "gdb leads its own group,"
                        + " out of reach of a Ctrl-C to the harness's group");
                long jvm = harness.process().pid();
                ShortCommand.run(List.of("kill", "-" + signal, "--", wholeGroup ? "-" + jvm : Long.toString(jvm)), null,
                        Duration.ofSeconds(10));

                assertTrue(harness.awaitEnd(Duration.ofSeconds(30)), "the harness ended on SIG" + signal);
                assertEquals(status, harness.exitValue(), harness::output);
                JsonNode json = new ObjectMapper().readTree(report.toFile());
                assertEquals("detached", json.at("/exit/status").asText(), harness.output());
                assertEquals("passed", json.get("status").asText());
                assertTrue(json.get("samples").size() >= 3, harness::output);
                assertTrue(harness.output().contains("PASS   watch " + service.pid() + ": "), harness::output);
                assertFalse(gdb.get().isAlive(), "gdb ended");
                service.assertRunningAndNotStopped();
            }
        }
    }

    private static void awaitOutput(ChildJvm harness, String text, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!harness.output().contains(text)) {
            if (System.nanoTime() > end || harness.hasEnded()) {
                throw new AssertionError("no '" + text + "' from the watch: " + harness.output());
            }
            Thread.sleep(20);
        }
    }
}
