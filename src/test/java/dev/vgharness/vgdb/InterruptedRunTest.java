package dev.vgharness.vgdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vgharness.EndToEnd;
import dev.vgharness.Fixtures;
import dev.vgharness.RunProcesses;
import dev.vgharness.TargetOutput;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to {@code vgharness run} mid-case: the partial report is written and nothing is left behind. */
@EndToEnd({Tool.VALGRIND, Tool.GDB, Tool.COMPILERS})
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
        List<String> args = new ArrayList<>(List.of("run", plan.toString(), "--json", report.toString()));
        args.addAll(TestTools.options());
        try (ChildJvm harness = new ChildJvm("dev.vgharness.cli.Main", args, Duration.ofSeconds(120))) {
            ProcessHandle valgrind = awaitValgrindOf(harness.process(), hang, Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError("the run started no valgrind: " + harness.output()));
            TargetOutput.await(valgrind.pid(), "hanging", Duration.ofSeconds(60));
            RunProcesses run = RunProcesses.of(harness.process());
            String privateDir = vgdbPrefixDir(valgrind);
            harness.process().destroy();
            assertTrue(harness.awaitEnd(Duration.ofSeconds(30)), "the harness ended on SIGTERM");

            JsonNode json = dev.vgharness.DocSchemas.readValidReport(report);
            assertEquals("error", json.at("/cases/0/status").asText());
            assertEquals("interrupted: vgharness was stopped while the case ran; this is what it had gathered",
                    json.at("/cases/0/error").asText());
            assertEquals("before", json.at("/cases/0/stops/0/breakpoint").asText(), "the stop before the hang is kept");
            assertEquals(List.of(), run.alive("--pid=" + valgrind.pid(), privateDir),
                    "no valgrind, gdb or vgdb of the run is left");
            assertTrue(!Files.exists(Path.of(privateDir)), "the private directory " + privateDir + " is gone");
        }
    }

    /** The private directory of {@code --vgdb-prefix=DIR/vgdb}. */
    private static String vgdbPrefixDir(ProcessHandle valgrind) {
        String command = valgrind.info().commandLine().orElse("");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("--vgdb-prefix=(\\S+)/vgdb").matcher(command);
        assertTrue(m.find(), command);
        return m.group(1);
    }

    /** The valgrind among the harness's descendants that runs {@code program}. */
    private static Optional<ProcessHandle> awaitValgrindOf(ProcessHandle harness, Path program, Duration limit)
            throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            Optional<ProcessHandle> found = harness.descendants()
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
