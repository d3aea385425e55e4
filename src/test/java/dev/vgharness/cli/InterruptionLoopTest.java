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
 * build of the runner); the others at a random moment after the first valgrind appeared, up to a little past the
 * end of an uninterrupted run measured first (valgrind start, attach, monitor commands, the XML read, the reports,
 * the exit), whatever the speed of the machine.
 */
class InterruptionLoopTest {

    private static final int ROUNDS = 30;
    private static final long MAX_EARLY_MS = 1200;

    @TempDir
    Path work;

    /** One harness at a time in its own folders, with its own copy of the program (to find its processes). */
    private record Lane(Path program, Path tmp, Path reports, Path plan) {
        static Lane in(Path dir) throws java.io.IOException {
            Files.createDirectories(dir);
            Path program = Files.copy(Fixtures.compile("src/robust.c"), dir.resolve("robust-interrupted"),
                    StandardCopyOption.COPY_ATTRIBUTES);
            Path plan = Files.writeString(dir.resolve("plan.yaml"), """
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
            return new Lane(program, Files.createDirectory(dir.resolve("tmp")),
                    Files.createDirectory(dir.resolve("reports")), plan);
        }
    }

    @Test
    void everySignalAtAnyMomentLeavesValidReportsAndNothingBehind() throws Exception {
        List<Lane> lanes = List.of(Lane.in(work.resolve("a")), Lane.in(work.resolve("b")));
        // Two lanes run side by side (each round waits for its harness most of the time): the runs take longer.
        long underway = uninterruptedMs(lanes.get(0)) * 3 / 2;
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Moment> moments = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            boolean early = round % 3 == 0;
            moments.add(new Moment(round % 2 == 0 ? "TERM" : "INT", early,
                    (long) (random.nextDouble() * (early ? MAX_EARLY_MS : underway))));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(lanes.size());
        try {
            List<java.util.concurrent.Future<List<String>>> done = new ArrayList<>();
            for (int l = 0; l < lanes.size(); l++) {
                int lane = l;
                done.add(pool.submit(() -> rounds(lanes.get(lane), moments, lane, lanes.size(), seed)));
            }
            List<String> outcomes = new ArrayList<>();
            for (java.util.concurrent.Future<List<String>> f : done) {
                outcomes.addAll(f.get());
            }
            assertTrue(outcomes.contains("interrupted"), "some rounds were stopped mid-run: " + outcomes);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The rounds {@code first, first + step, ...} on one lane, in order. */
    private static List<String> rounds(Lane lane, List<Moment> moments, int first, int step, long seed)
            throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (int round = first; round < moments.size(); round += step) {
            Moment m = moments.get(round);
            String context = "round " + round + " (seed " + seed + ", SIG" + m.signal() + " " + m.delayMs()
                    + " ms after " + (m.early() ? "the start" : "the first valgrind") + ")";
            outcomes.add(interruptOnce(lane, m, context));
            assertNothingLeft(lane, context);
        }
        return outcomes;
    }

    /** The time from the first valgrind to the end of a run that nobody stops; its reports are complete. */
    private static long uninterruptedMs(Lane lane) throws Exception {
        Path json = lane.reports().resolve("report.json");
        try (ChildJvm harness = harness(lane)) {
            awaitFirstValgrind(lane.tmp(), harness);
            long start = System.nanoTime();
            assertTrue(harness.awaitEnd(Duration.ofSeconds(60)), harness.output());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(0, harness.exitCode(), harness.output());
            assertEquals(2, new ObjectMapper().readTree(json.toFile()).at("/cases").size());
            Files.delete(json);
            Files.delete(lane.reports().resolve("junit.xml"));
            assertNothingLeft(lane, "the uninterrupted run");
            return ms;
        }
    }

    /** The harness running the plan, with its reports in {@code reports} and its private folders in {@code tmp}. */
    private static ChildJvm harness(Lane lane) throws java.io.IOException {
        // C1 only and the serial collector: a short-lived JVM starts faster, and the rounds add up.
        List<String> jvm = List.of("-Djava.io.tmpdir=" + lane.tmp(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        List<String> args = List.of("run", lane.plan().toString(), "--jobs", "2", "--json",
                lane.reports().resolve("report.json").toString(), "--junit",
                lane.reports().resolve("junit.xml").toString());
        return new ChildJvm(jvm, "dev.vgharness.cli.Main", args, Duration.ofSeconds(120));
    }

    /** When to send which signal: {@code delayMs} after the JVM's start or after the first valgrind appeared. */
    private record Moment(String signal, boolean early, long delayMs) {
    }

    /** One run stopped at a moment: "none" (stopped before the run began), "interrupted" or "complete". */
    private static String interruptOnce(Lane lane, Moment moment, String context) throws Exception {
        Path json = lane.reports().resolve("report.json");
        Path junit = lane.reports().resolve("junit.xml");
        Files.deleteIfExists(json);
        Files.deleteIfExists(junit);
        try (ChildJvm harness = harness(lane)) {
            if (!moment.early()) {
                awaitFirstValgrind(lane.tmp(), harness);
            }
            Thread.sleep(moment.delayMs());
            new ProcessBuilder("kill", "-" + moment.signal(), Long.toString(harness.process().pid())).start().waitFor();
            assertTrue(harness.awaitEnd(Duration.ofSeconds(40)), () -> context + ": the harness ended\n"
                    + harness.output() + threads(harness));
            String output = harness.output();
            long summaries = harness.stdout().lines().filter(l -> l.startsWith("plan: ")).count();
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

    /** Until a private folder holds valgrind's FIFOs (cheaper than scanning every process's command line). */
    private static void awaitFirstValgrind(Path tmp, ChildJvm harness) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!harness.hasEnded() && System.nanoTime() < end && !valgrindReady(tmp)) {
            Thread.sleep(20);
        }
    }

    private static boolean valgrindReady(Path tmp) throws java.io.IOException {
        try (Stream<Path> dirs = Files.list(tmp)) {
            for (Path dir : dirs.toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    if (files.anyMatch(f -> f.getFileName().toString().startsWith("vgdb-"))) {
                        return true;
                    }
                } catch (java.io.IOException gone) {
                    // removed while we looked
                }
            }
        }
        return false;
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

    private static void assertNothingLeft(Lane lane, String context) throws Exception {
        List<String> processes = ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(lane.program().toString()) || c.contains(lane.tmp().toString())).toList();
        assertEquals(List.of(), processes, context + ": processes of the run left behind");
        try (Stream<Path> left = Files.list(lane.tmp())) {
            assertEquals(List.of(), left.toList(), context + ": private folders left behind");
        }
        try (Stream<Path> files = Files.list(lane.reports())) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(".")).toList(),
                    context + ": temporary report files left behind");
        }
    }
}
