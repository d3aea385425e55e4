package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.DocSchemas;
import dev.vgharness.EndToEnd;
import dev.vgharness.Fixtures;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
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
 * {@code sample:} on growth.c's sleep mode, which leaks 100 x malloc(24) and then sleeps 100 ms, per request. The
 * bounds come from that schedule, never from how fast this machine is: at most one request per 100 ms between two
 * samples (3,200 B of 32-byte chunks natively, 2,400 B as Memcheck counts them), whole requests natively.
 */
@EndToEnd({Tool.VALGRIND, Tool.GDB, Tool.COMPILERS})
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
        return DocSchemas.valid(new PlanRunner(RunOptions.defaults().withTools(TestTools.valgrind(), TestTools.gdb())
                .withDefaultTimeout(Duration.ofSeconds(60)), Clock.systemUTC(), "test").run(PlanLoader.load(plan)))
                .cases().get(0);
    }

    @Test
    void nativeSamplesGiveTheHeapGrowthPerSecondAndEndTheTargetAfterTheSpan() throws Exception {
        CaseResult c = run("native", "{every: 500ms, for: 3s}", "{heap_in_use_bytes_per_s: \"> 0\"}");

        assertEquals(RunStatus.PASSED, c.status(), c.error() + " " + c.assertions());
        assertEquals(CaseExit.detached(), c.exit());
        List<Sample> samples = c.samples().samples();
        // One sample per 500 ms slot of the 3 s span at most; the second is due at 1 s, 2 s before the span ends.
        assertTrue(samples.size() >= 2 && samples.size() <= 6, () -> samples.size() + " samples");
        for (int i = 1; i < samples.size(); i++) {
            Sample s = samples.get(i);
            // Whole requests only (the target is never sampled inside malloc), once the first malloc has set up the
            // heap and glibc's own tcache: on a busy machine the first sample can come before that.
            if (samples.get(i - 1).memory().mallinfo().arena() > 0) {
                assertEquals(0, s.memory().mallinfoDelta().uordblks() % 3200, () -> "delta " + s.memory());
                assertEquals(MemorySnapshot.SMALL, s.memory().growth());
            }
        }
        Sample last = samples.get(samples.size() - 1);
        // The rate is the least-squares slope over every sample, not first to last.
        assertEquals(slope(samples, x -> x.memory().mallinfo().uordblks()), c.samples().heapInUseBytesPerS(), 1e-6);
        // The target sleeps 100 ms per request of 3200 B: from the first sample with a heap, no more requests than
        // the time up to the last sample holds, plus the one that may straddle that first sample.
        Sample withHeap = samples.stream().filter(x -> x.memory().mallinfo().arena() > 0).findFirst().orElseThrow();
        long requestsBytes = last.memory().mallinfo().uordblks() - withHeap.memory().mallinfo().uordblks();
        double span = (last.atMs() - withHeap.atMs()) / 1000.0;
        assertTrue(requestsBytes <= 3200 * (long) (span * 10 + 1), () -> requestsBytes + " B in " + span + " s");
    }

    @Test
    void memcheckSamplesGiveTheDefinitelyLostBytesPerSecond() throws Exception {
        // 8 s: valgrind's start-up, before the first malloc, takes seconds on a busy machine and is part of the span
        CaseResult c = run("memcheck", "{every: 1s, for: 8s}", "{definitely_lost_bytes_per_s: \"> 0\"}");

        assertEquals(RunStatus.PASSED, c.status(), c.error() + " " + c.assertions());
        List<Sample> samples = c.samples().samples();
        assertTrue(samples.stream().allMatch(s -> s.definitelyLostBytes() % 24 == 0), c::toString);
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        assertEquals(slope(samples, Sample::definitelyLostBytes), c.samples().definitelyLostBytesPerS(), 1e-6);
        long lost = last.definitelyLostBytes() - first.definitelyLostBytes();
        double seconds = (last.atMs() - first.atMs()) / 1000.0;
        // 100 x 24 B lost per request of at least 100 ms, plus the request that straddles the first sample and the
        // one block whose pointer a register still held then.
        assertTrue(lost <= 2400 * (long) (seconds * 10 + 1) + 24, () -> lost + " B in " + seconds + " s");
    }

    /** The least-squares slope per second of a number over the samples. */
    private static double slope(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> value) {
        double meanT = samples.stream().mapToDouble(x -> x.atMs() / 1000.0).average().orElseThrow();
        double meanY = samples.stream().mapToDouble(value).average().orElseThrow();
        double num = 0;
        double den = 0;
        for (Sample x : samples) {
            double t = x.atMs() / 1000.0 - meanT;
            num += t * (value.applyAsDouble(x) - meanY);
            den += t * t;
        }
        return num / den;
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
