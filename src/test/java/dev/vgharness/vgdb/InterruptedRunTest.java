package dev.vgharness.vgdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vgharness.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to {@code vgharness run} mid-case: the partial report is written and nothing is left behind. */
class InterruptedRunTest {

    @TempDir
    Path work;

    @Test
    void sigtermMidRunWritesThePartialReportAndLeavesNoProcessOrDirectory() throws Exception {
        Path hang = Fixtures.compile("src/hang.c");
        Path plan = work.resolve("plan.yaml");
        Files.writeString(plan, """
                cases:
                  - name: hangs
                    command: [%s]
                    breakpoints:
                      - {id: before, at: "hang.c:%d"}
                """.formatted(hang, Fixtures.line("src/hang.c", "before_hang")));
        Path report = work.resolve("report.json");
        try (ChildJvm harness = new ChildJvm("dev.vgharness.cli.Main",
                List.of("run", plan.toString(), "--json", report.toString()), Duration.ofSeconds(120))) {
            Optional<ProcessHandle> valgrind = awaitValgrindOf(hang, Duration.ofSeconds(60));
            assertTrue(valgrind.isPresent(), "the run started valgrind: " + harness.output());
            // This run's own private directory: other runs on the machine have vgharness- directories too.
            String prefix = privateDirOf(valgrind.get());
            awaitHanging(valgrind.get(), Duration.ofSeconds(60));
            harness.process().destroy();
            assertTrue(harness.awaitEnd(Duration.ofSeconds(30)), "the harness ended on SIGTERM");

            JsonNode json = dev.vgharness.DocSchemas.readValidReport(report);
            assertEquals("error", json.at("/cases/0/status").asText());
            assertEquals("interrupted: vgharness was stopped while the case ran; this is what it had gathered",
                    json.at("/cases/0/error").asText());
            assertEquals("before", json.at("/cases/0/stops/0/breakpoint").asText(), "the stop before the hang is kept");
            assertTrue(ProcessHandle.allProcesses().noneMatch(p -> ChildReaper.commandLine(p.pid())
                    .contains(hang.toString()) || ChildReaper.commandLine(p.pid()).contains(prefix)),
                    "no valgrind, gdb or vgdb of the run is left");
        }
    }

    /** The private directory of valgrind's {@code --vgdb-prefix=/tmp/vgharness-123/vgdb}. */
    private static String privateDirOf(ProcessHandle valgrind) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("--vgdb-prefix=(\\S+)/vgdb")
                .matcher(ChildReaper.commandLine(valgrind.pid()));
        assertTrue(m.find(), "valgrind has a --vgdb-prefix");
        return m.group(1);
    }

    /** The target prints "hanging" after its breakpoint was acted on; its stdout is captured next to --xml-file. */
    private static void awaitHanging(ProcessHandle valgrind, Duration limit) throws Exception {
        String command = ChildReaper.commandLine(valgrind.pid());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("--xml-file=(\\S+)/final\\.xml").matcher(command);
        assertTrue(m.find(), command);
        Path stdout = Path.of(m.group(1), "target.stdout");
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(stdout) && Files.readString(stdout).contains("hanging")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the target never reached its hang: " + stdout);
    }

    private static Optional<ProcessHandle> awaitValgrindOf(Path program, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            Optional<ProcessHandle> found = ProcessHandle.allProcesses()
                    .filter(p -> ChildReaper.commandLine(p.pid()).contains("--vgdb-prefix"))
                    .filter(p -> ChildReaper.commandLine(p.pid()).contains(program.toString())).findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }
}
