package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import dev.vgharness.plan.PlanLoader;
import dev.vgharness.result.HarnessTime;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's own time at each stop is told in -v and summed up in the run's harness section. */
class HarnessTimeEndToEndTest {

    private static final Pattern STOP_LINE = Pattern.compile(
            "\\[(\\w+)\\] stop (\\w+#\\d+): ([0-9.]+) ms, of which the harness ([0-9.]+) ms \\(the rest waiting for gdb"
                    + " and valgrind\\)");

    @TempDir
    Path dir;

    @Test
    void everyStopActedOnIsTimedAndTheRunGivesTheMedianAndTheLargest() throws Exception {
        String exe = Fixtures.compile("src/leaky.c").toString();
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                cases:
                  - name: stops
                    command: [%1$s, "3"]
                    breakpoints:
                      - id: done
                        at: leaky.c:%2$d
                        max_hits: 3
                        actions: [leak_check]
                  - name: alone
                    command: [%1$s, "1"]
                """.formatted(exe, Fixtures.line("src/leaky.c", "after_request")));
        List<String> log = new CopyOnWriteArrayList<>();
        RunResult run = new PlanRunner(RunOptions.defaults().withDefaultTimeout(Duration.ofSeconds(60))
                .withTraffic(log::add), Clock.systemUTC(), "test").run(PlanLoader.load(plan));

        assertEquals(RunStatus.PASSED, run.cases().get(0).status(), run.cases().get(0).error());
        List<Matcher> stops = log.stream().map(STOP_LINE::matcher).filter(Matcher::matches).toList();
        assertEquals(List.of("done#1", "done#2", "done#3"), stops.stream().map(m -> m.group(2)).toList());
        List<Double> own = stops.stream().map(m -> Double.parseDouble(m.group(4))).sorted().toList();
        for (Matcher m : stops) {
            assertTrue(Double.parseDouble(m.group(4)) <= Double.parseDouble(m.group(3)), m.group());
        }
        HarnessTime harness = run.harness();
        assertEquals(3, harness.stops());
        assertEquals(1, harness.casesWithoutGdb());
        assertEquals(own.get(1), harness.ownMsPerStopMedian(), 0.011);
        assertEquals(own.get(2), harness.ownMsPerStopMax(), 0.011);
        assertTrue(log.contains("harness: 3 stops, own time per stop: median " + harness.ownMsPerStopMedian()
                + " ms, max " + harness.ownMsPerStopMax() + " ms"), String.join("\n", log));
    }
}
