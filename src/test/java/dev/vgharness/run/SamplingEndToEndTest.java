package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import dev.vgharness.plan.PlanLoader;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.MemorySnapshot;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sample:} on growth.c's sleep mode, which leaks 100 x malloc(24) every 100 ms: 32,000 bytes of 32-byte
 * chunks per second natively, 24,000 bytes per second as Memcheck counts them (less the time the target spends
 * stopped for the samples).
 */
class SamplingEndToEndTest {

    @TempDir
    Path dir;

    private CaseResult run(String mode, String sample, String expect) throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                cases:
                  - name: long-running
                    mode: %s
                    command: [%s, sleep, "600"]
                    sample: %s
                    expect: %s
                """.formatted(mode, Fixtures.compile("src/growth.c"), sample, expect));
        return new PlanRunner(RunOptions.defaults().withDefaultTimeout(Duration.ofSeconds(60)), Clock.systemUTC(),
                "test").run(PlanLoader.load(plan)).cases().get(0);
    }

    @Test
    void nativeSamplesGiveTheHeapGrowthPerSecondAndEndTheTargetAfterTheSpan() throws Exception {
        CaseResult c = run("native", "{every: 500ms, for: 3s}",
                "{heap_in_use_bytes_per_s: \"> 20000\", rss_kb_per_s: \">= 0\"}");

        assertEquals(RunStatus.PASSED, c.status(), c.error() + " " + c.assertions());
        assertEquals(CaseExit.detached(), c.exit());
        List<Sample> samples = c.samples().samples();
        assertTrue(samples.size() >= 5 && samples.size() <= 7, () -> samples.size() + " samples");
        // Whole requests fall between two samples: one request more than the span holds is 3200 B / 2.5 s.
        assertTrue(c.samples().heapInUseBytesPerS() <= 32_000 + 1_280, () -> "rate " + c.samples().heapInUseBytesPerS());
        for (Sample s : samples.subList(1, samples.size())) {
            // Whole requests only: the target is never sampled inside malloc.
            assertEquals(0, s.memory().mallinfoDelta().uordblks() % 3200, () -> "delta " + s.memory());
            assertEquals(MemorySnapshot.SMALL, s.memory().growth());
        }
    }

    @Test
    void memcheckSamplesGiveTheDefinitelyLostBytesPerSecond() throws Exception {
        CaseResult c = run("memcheck", "{every: 1s, for: 4s}", "{definitely_lost_bytes_per_s: \"> 5000\"}");

        assertEquals(RunStatus.PASSED, c.status(), c.error() + " " + c.assertions());
        assertTrue(c.samples().definitelyLostBytesPerS() <= 24_000 + 2_400 / 3, () -> "rate " + c.samples());
        assertTrue(c.samples().samples().stream().allMatch(s -> s.definitelyLostBytes() % 24 == 0), c::toString);
    }

    @Test
    void memcheckSamplesKeepEveryKindSoReachableGrowthShows() throws Exception {
        CaseResult c = PlanFiles.run(dir, "hoard.yaml", """
                cases:
                  - name: hoards
                    command: [%s, hoard, "600"]
                    sample: {every: 1s, for: 4s}
                    expect: {still_reachable_bytes_per_s: "> 5000", definitely_lost_bytes_per_s: 0}
                """.formatted(Fixtures.compile("src/robust.c")), RunOptions.defaults()).cases().get(0);

        assertEquals(RunStatus.PASSED, c.status(), c.error() + " " + c.assertions());
        // 100 blocks of 24 bytes every 100 ms, less the time the target spends stopped for the samples.
        assertTrue(c.samples().stillReachableBytesPerS() <= 24_000, () -> "rate " + c.samples());
        assertEquals(0.0, c.samples().indirectlyLostBytesPerS());
        assertTrue(c.samples().samples().stream().allMatch(s -> s.leakSummary() != null
                && s.leakSummary().stillReachable().bytes() % 24 == 0), c::toString);
    }
}
