package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vgharness.Fixtures;
import dev.vgharness.report.SchemaValidation;
import dev.vgharness.vgdb.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vgharness run} stopped by SIGTERM or SIGINT at 30 random moments of a two-case run: every time, each
 * report is whole and valid, the summary is printed at most once, and no process, private folder or temporary
 * report file is left. Every third round the signal comes at a random moment from the JVM's start (start-up, plan,
 * build of the runner); the others at a random moment after the first valgrind appeared (valgrind start, attach,
 * monitor commands, the next case, the XML read, the reports), whatever the speed of the machine.
 */
class InterruptionLoopTest {

    private static final int ROUNDS = 30;
    private static final long MAX_EARLY_MS = 1500;
    private static final long MAX_UNDERWAY_MS = 2000;

    @TempDir
    Path work;

    @Test
    void everySignalAtAnyMomentLeavesValidReportsAndNothingBehind() throws Exception {
        Path program = Files.copy(Fixtures.compile("src/robust.c"), work.resolve("robust-interrupted"),
                StandardCopyOption.COPY_ATTRIBUTES);
        Path tmp = Files.createDirectory(work.resolve("tmp"));
        Path reports = Files.createDirectory(work.resolve("reports"));
        Path plan = Files.writeString(work.resolve("plan.yaml"), """
                cases:
                  - name: first
                    command: [%1$s, definite, "5", possible, "3", stops, "2"]
                    breakpoints:
                      - id: cp
                        at: checkpoint
                        max_hits: 2
                        actions: [leak_check, {block_list: {kinds: [definite]}}, {who_points_at: {kinds: [possible]}}]
                  - name: second
                    command: [%1$s, definite, "3", stops, "1"]
                    breakpoints:
                      - {id: cp, at: checkpoint}
                """.formatted(program));
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> outcomes = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String signal = round % 2 == 0 ? "TERM" : "INT";
            boolean early = round % 3 == 0;
            long delay = (long) (random.nextDouble() * (early ? MAX_EARLY_MS : MAX_UNDERWAY_MS));
            String context = "round " + round + " (seed " + seed + ", SIG" + signal + " " + delay + " ms after "
                    + (early ? "the start" : "the first valgrind") + ")";
            outcomes.add(interruptOnce(plan, tmp, reports, new Moment(signal, early, delay), context));
            assertNothingLeft(program, tmp, reports, context);
        }
        assertTrue(outcomes.contains("interrupted"), "some rounds were stopped mid-run: " + outcomes);
    }

    /** When to send which signal: {@code delayMs} after the JVM's start or after the first valgrind appeared. */
    private record Moment(String signal, boolean early, long delayMs) {
    }

    /** One run stopped at a moment: "none" (stopped before the run began), "interrupted" or "complete". */
    private static String interruptOnce(Path plan, Path tmp, Path reports, Moment moment, String context)
            throws Exception {
        Path json = reports.resolve("report.json");
        Path junit = reports.resolve("junit.xml");
        Files.deleteIfExists(json);
        Files.deleteIfExists(junit);
        try (ChildJvm harness = new ChildJvm(List.of("-Djava.io.tmpdir=" + tmp), "dev.vgharness.cli.Main",
                List.of("run", plan.toString(), "--jobs", "2", "--json", json.toString(), "--junit",
                        junit.toString()), Duration.ofSeconds(120))) {
            if (!moment.early()) {
                awaitFirstValgrind(tmp, harness);
            }
            Thread.sleep(moment.delayMs());
            new ProcessBuilder("kill", "-" + moment.signal(), Long.toString(harness.process().pid())).start().waitFor();
            assertTrue(harness.awaitEnd(Duration.ofSeconds(40)), () -> context + ": the harness ended\n"
                    + harness.output() + threads(harness));
            String output = harness.output();
            long summaries = output.lines().filter(l -> l.startsWith("plan: ")).count();
            assertTrue(summaries <= 1, context + ": the summary is printed once at most:\n" + output);
            assertEquals(Files.exists(json), Files.exists(junit), context + ": both reports or neither\n" + output);
            if (!Files.exists(json)) {
                assertEquals(0, summaries, context + ": no summary without a report");
                return "none";
            }
            JsonNode report = new ObjectMapper().readTree(json.toFile());
            SchemaValidation.assertValidJunit(junit);
            assertEquals(1, summaries, context + ": the summary goes with the report\n" + output);
            boolean interrupted = output.contains("vgharness: interrupted; writing what was gathered");
            assertTrue(interrupted || report.at("/cases").size() == 2, context + ": a complete run has both cases");
            return interrupted ? "interrupted" : "complete";
        }
    }

    private static void awaitFirstValgrind(Path tmp, ChildJvm harness) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!harness.hasEnded() && System.nanoTime() < end && ProcessHandle.allProcesses()
                .noneMatch(p -> p.info().commandLine().orElse("").contains("--vgdb-prefix=" + tmp))) {
            Thread.sleep(10);
        }
    }

    /** The threads of a harness that does not end, for the failure message. */
    private static String threads(ChildJvm harness) {
        try {
            Process jstack = new ProcessBuilder("jstack", Long.toString(harness.process().pid()))
                    .redirectErrorStream(true).start();
            return new String(jstack.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "(no jstack: " + e + ")";
        }
    }

    private static void assertNothingLeft(Path program, Path tmp, Path reports, String context) throws Exception {
        List<String> processes = ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(program.toString()) || c.contains(tmp.toString())).toList();
        assertEquals(List.of(), processes, context + ": processes of the run left behind");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), context + ": private folders left behind");
        }
        try (Stream<Path> files = Files.list(reports)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(".")).toList(),
                    context + ": temporary report files left behind");
        }
    }
}
