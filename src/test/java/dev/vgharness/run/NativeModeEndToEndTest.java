package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.DocSchemas;
import dev.vgharness.EndToEnd;
import dev.vgharness.Fixtures;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
import dev.vgharness.plan.PlanLoader;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.MemorySnapshot;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.StopResult;
import dev.vgharness.vgdb.MallocInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mode: native}: the fixture under plain gdb, mallinfo2 and /proc at every hit, growth exact where glibc is. */
@EndToEnd({Tool.GDB, Tool.COMPILERS})
class NativeModeEndToEndTest {

    /** Native mode runs no valgrind: a path that does not exist proves it. */
    private static final String NO_VALGRIND = "/nonexistent/valgrind";

    @TempDir
    Path dir;

    private CaseResult run(String mode, int requests, String extra) throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                cases:
                  - name: %s
                    mode: native
                    command: [%s, %s, "%d"]
                %s
                    breakpoints:
                      - id: done
                        at: growth.c:%d
                        max_hits: 10
                """.formatted(mode, Fixtures.compile("src/growth.c"), mode, requests, extra,
                Fixtures.line("src/growth.c", "request_done")));
        RunResult run = DocSchemas.valid(new PlanRunner(RunOptions.defaults().withTools(NO_VALGRIND, TestTools.gdb())
                .withDefaultTimeout(Duration.ofSeconds(60)), Clock.systemUTC(), "test").run(PlanLoader.load(plan)));
        return run.cases().get(0);
    }

    private static List<MallocInfo> deltas(CaseResult c) {
        return c.stops().stream().skip(1).map(s -> s.memory().mallinfoDelta()).toList();
    }

    @Test
    void smallBlocksGrowTheHeapInUseByExactlyTheirChunks() throws Exception {
        CaseResult c = run("small", 3, "");

        assertEquals(RunStatus.PASSED, c.status(), c.error());
        assertEquals(CaseExit.exited(0), c.exit());
        assertEquals(3, c.stops().size());
        // 100 x malloc(24) per request: 32-byte chunks, nothing mmapped, nothing freed.
        for (MallocInfo d : deltas(c)) {
            assertEquals(List.of(100L * 32, 0L, 0L), List.of(d.uordblks(), d.hblkhd(), d.hblks()));
        }
        assertEquals(MemorySnapshot.SMALL, c.stops().get(2).memory().growth());
        assertTrue(c.pid() > 0);
    }

    @Test
    void largeBlocksGrowTheMmappedBytesByThePageRoundedSize() throws Exception {
        CaseResult c = run("large", 3, "");

        assertEquals(RunStatus.PASSED, c.status(), c.error());
        // malloc(256 KiB) is above the 128 KiB threshold: one mmap of 262144 + 16 bytes of header, page-rounded.
        for (MallocInfo d : deltas(c)) {
            assertEquals(List.of(0L, 266240L, 1L), List.of(d.uordblks(), d.hblkhd(), d.hblks()));
        }
        for (StopResult s : c.stops().subList(1, 3)) {
            assertEquals(MemorySnapshot.LARGE, s.memory().growth());
            assertTrue(s.memory().procDelta().mmapRssKb() >= 256, () -> "mmap rss grew " + s.memory().procDelta());
        }
    }

    @Test
    void freedButUnusableHolesAreNamedFragmentation() throws Exception {
        CaseResult c = run("fragment", 3, "");

        assertEquals(RunStatus.PASSED, c.status(), c.error());
        StopResult third = c.stops().get(2);
        // Request 3 allocates 2000 blocks of 1048 bytes (1056-byte chunks) and frees every other one.
        assertEquals(1000L * 1056, third.memory().mallinfoDelta().uordblks());
        assertTrue(third.memory().mallinfoDelta().fordblks() >= 1000L * 1056);
        assertTrue(third.memory().procDelta().heapRssKb() >= 2000L * 1056 / 1024);
        assertEquals(MemorySnapshot.FRAGMENTATION, third.memory().growth());
    }

    @Test
    void mallocTuningLowersTheMmapThresholdThroughGlibcTunables() throws Exception {
        CaseResult c = run("small", 2, "    malloc: {mmap_threshold: 16}");

        assertEquals(RunStatus.PASSED, c.status(), c.error());
        // With a 16-byte threshold every malloc(24) is its own page-sized mmap.
        MallocInfo d = deltas(c).get(0);
        assertEquals(List.of(100L, 100L * 4096), List.of(d.hblks(), d.hblkhd()));
    }

    @Test
    void memoryExpectationsAreCheckedAtEveryHit() throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                cases:
                  - name: small
                    mode: native
                    command: [%s, small, "2"]
                    breakpoints:
                      - id: done
                        at: request_done
                        max_hits: 2
                        expect:
                          new_heap_in_use_bytes: 3200
                          new_mmap_in_use_bytes: 0
                          rss_kb: "> 0"
                """.formatted(Fixtures.compile("src/growth.c")));
        CaseResult c = DocSchemas.valid(new PlanRunner(RunOptions.defaults().withTools(NO_VALGRIND, TestTools.gdb()),
                Clock.systemUTC(), "test").run(PlanLoader.load(plan))).cases().get(0);

        // The first hit counts from the start, so libc's own blocks make it more than 3200.
        assertEquals(RunStatus.FAILED, c.status());
        assertEquals(List.of(false, true), c.stops().stream().map(StopResult::passed).toList());
        Assertion first = c.stops().get(0).assertions().get(0);
        assertNotNull(first.actual());
        assertEquals(new Assertion("new_heap_in_use_bytes", "== 3200", 3200L, true, null),
                c.stops().get(1).assertions().get(0));
    }
}
