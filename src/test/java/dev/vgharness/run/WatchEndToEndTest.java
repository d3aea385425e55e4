package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import dev.vgharness.WatchedService;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.Rate;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.WatchResult;
import dev.vgharness.result.WatchSample;
import dev.vgharness.vgdb.SysvSegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vgharness watch} on fixtures/src/watched.c, a service that grows in one known way every tick (a 100 ms sleep,
 * then the work), attached while it runs and watched for 2 s, a sample every 200 ms (11 samples).
 *
 * <p>The tolerance of a rate follows from that schedule. The sleep is a lower bound on a tick, so the rate is at
 * most the nominal one (10 ticks/s), plus the error of fitting a line to a staircase: each sample is off the true
 * line by less than one tick's growth E, so the least-squares slope is off by at most E/2 * sum|dt| / sum(dt^2) over
 * the sample times (0.68 E/s for 11 samples over 2 s). Ticks come later than every 100 ms when the machine is busy
 * or the watch stops the service during its work (the sleep itself runs on while it is stopped): 70% of the nominal
 * rate is allowed for that.
 */
class WatchEndToEndTest {

    private static final Duration EVERY = Duration.ofMillis(200);
    private static final Duration SPAN = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private static WatchResult watch(WatchRequest request) {
        return new WatchRunner(request, Clock.systemUTC(), "test").run();
    }

    private static WatchRequest watching(WatchedService service) {
        return WatchRequest.of(new WatchRequest.Pid(service.pid()), EVERY, Optional.of(SPAN));
    }

    /** The rate is the fixture's growth per tick at 10 ticks a second, within the tolerance the class explains. */
    private static void assertRate(double perTick, Rate rate, List<WatchSample> samples) {
        double meanT = samples.stream().mapToDouble(s -> s.atMs() / 1000.0).average().orElseThrow();
        double sumAbs = samples.stream().mapToDouble(s -> Math.abs(s.atMs() / 1000.0 - meanT)).sum();
        double sumSquares = samples.stream().mapToDouble(s -> Math.pow(s.atMs() / 1000.0 - meanT, 2)).sum();
        double staircase = perTick / 2 * sumAbs / sumSquares;
        double nominal = perTick * 10;
        assertEquals(samples.size(), rate.samples());
        assertTrue(rate.perS() <= nominal + staircase && rate.perS() >= 0.7 * nominal - staircase,
                () -> rate + " per s, expected " + nominal + " (-30%, +" + staircase + ")");
    }

    private static void assertPeriodic(WatchResult r) {
        assertEquals(RunStatus.PASSED, r.status(), r.error());
        assertEquals(CaseExit.detached(), r.exit());
        assertEquals(11, r.samples().size(), () -> "samples at " + r.samples().stream().map(WatchSample::atMs).toList());
        assertEquals(0, r.samples().get(0).atMs() / 100, "the first sample right after attaching");
        assertNull(r.mallinfoUnavailable());
        assertEquals(List.of(), r.repairs());
    }

    @Test
    void aHeapLeakIsSmallBlockGrowthAtTheServicesRateAndTheServiceRunsOn() throws Exception {
        try (WatchedService service = WatchedService.start(dir, "heap")) {
            WatchResult r = watch(watching(service));

            assertPeriodic(r);
            // 100 x malloc(24) a tick: 3200 bytes of 32-byte chunks.
            assertRate(3200, r.rates().heapInUseBytesPerS(), r.samples());
            assertEquals(0.0, r.rates().mmapInUseBytesPerS().perS());
            assertEquals("heap_growth", r.verdict().kind(), r.verdict().text());
            assertTrue(r.verdict().text().startsWith("small-block heap growth (brk): heap in use +"), r.verdict().text());
            service.assertRunningAndNotStopped();
        }
    }

    @Test
    void anMmapLeakIsLargeBlockGrowthAtTheServicesRate() throws Exception {
        try (WatchedService service = WatchedService.start(dir, "mmap")) {
            WatchResult r = watch(watching(service));

            assertPeriodic(r);
            // One malloc(256 KiB) a tick: 262144 + 16 bytes, page-rounded, mapped on its own.
            assertRate(266_240, r.rates().mmapInUseBytesPerS(), r.samples());
            assertRate(260, r.rates().mmapRssKbPerS(), r.samples());
            assertEquals(0.0, r.rates().heapInUseBytesPerS().perS());
            assertEquals("mmap_growth", r.verdict().kind(), r.verdict().text());
            service.assertRunningAndNotStopped();
        }
    }

    @Test
    void touchingASysvSegmentIsSharedMemoryNotALeak() throws Exception {
        try (WatchedService service = WatchedService.start(dir, "sysv")) {
            WatchResult r = watch(watching(service));

            assertPeriodic(r);
            // 64 pages of the segment a tick: 256 kB more of it resident, counted in RssShmem (shared).
            assertRate(256, r.rates().sharedKbPerS(), r.samples());
            assertEquals("shared_memory", r.verdict().kind(), r.verdict().text());
            assertTrue(r.verdict().text().endsWith(": not a leak"), r.verdict().text());
            String output = service.output();
            Matcher key = Pattern.compile("segment key (0x[0-9a-f]{8}) id (\\d+)").matcher(output);
            assertTrue(key.find(), output);
            List<SysvSegment> first = r.samples().get(0).sysv();
            List<SysvSegment> last = r.samples().get(10).sysv();
            assertEquals(List.of(key.group(1), Long.parseLong(key.group(2)), 65536L),
                    List.of(last.get(0).key(), last.get(0).shmid(), last.get(0).sizeKb()));
            assertEquals(last.get(0).rssKb() - first.get(0).rssKb(), r.samples().get(10).proc().rssShmemKb()
                    - r.samples().get(0).proc().rssShmemKb(), "the segment's own Rss is what RssShmem gained");
            service.assertRunningAndNotStopped();
        }
    }

    @Test
    void fragmentationGrowsTheHeapRssNotTheHeapInUseAndTheTrimProbeGivesItBack() throws Exception {
        try (WatchedService service = WatchedService.start(dir, "fragment")) {
            WatchResult r = watch(watching(service).withTrimProbe(true));

            assertPeriodic(r);
            assertEquals("fragmentation", r.verdict().kind(), r.verdict().text());
            WatchSample last = r.samples().get(10);
            // Every hole but the last block's is free: malloc_trim(0) returns their whole pages.
            assertNotNull(r.trimProbe());
            assertTrue(r.trimProbe().releasedKb() >= last.proc().heapRssKb() / 2, r.trimProbe()::toString);
            assertEquals(r.trimProbe().heapRssKbBefore() - r.trimProbe().heapRssKbAfter(), r.trimProbe().releasedKb());
            assertTrue(r.trimProbe().text().matches("released [0-9,]+ kB: the heap held free memory \\(fragmentation\\),"
                    + " not a leak"), r.trimProbe().text());
            assertEquals(r.trimProbe().mallinfoBefore().uordblks(), r.trimProbe().mallinfoAfter().uordblks(),
                    "trimming frees nothing in use");
            service.assertRunningAndNotStopped();
        }
    }

    @Test
    void withoutPtraceOnlyProcIsReadTheProcessIsNeverTracedAndMallinfoIsMissing() throws Exception {
        try (WatchedService service = WatchedService.start(dir, "steady")) {
            Path status = Path.of("/proc", Long.toString(service.pid()), "status");
            WatchResult r = watch(watching(service).withNoPtrace(true).withListeners(line -> { }, sample -> {
                try {
                    assertTrue(Files.readString(status).contains("TracerPid:\t0\n"), "never traced");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));

            assertEquals(RunStatus.PASSED, r.status(), r.error());
            assertEquals(11, r.samples().size());
            assertTrue(r.samples().stream().allMatch(s -> s.mallinfo() == null));
            assertEquals("not available: watched through /proc only (--no-ptrace)", r.mallinfoUnavailable());
            assertEquals(0, r.rates().heapInUseBytesPerS().samples());
            assertEquals("steady", r.verdict().kind(), r.verdict().text());
            assertEquals(0, r.stoppedMs());
            service.assertRunningAndNotStopped();
        }
    }

    @Test
    void aProcessAnotherTracerHoldsIsWatchedThroughProcWithTheReasonInOneLine() throws Exception {
        try (WatchedService service = WatchedService.start(dir, "steady");
                OtherTracer tracer = OtherTracer.attach(service.pid())) {
            List<String> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
            WatchResult r = watch(WatchRequest.of(new WatchRequest.Pid(service.pid()), EVERY,
                    Optional.of(Duration.ofMillis(400))).withListeners(notices::add, sample -> { }));

            assertEquals(RunStatus.PASSED, r.status(), r.error());
            assertEquals(1, notices.size(), notices::toString);
            assertTrue(notices.get(0).matches("vgharness: cannot attach to " + service.pid() + ": process "
                    + service.pid() + " is already traced by process " + tracer.pid() + " \\(.*gdb.*\\): only one"
                    + " tracer at a time; watching /proc only, without mallinfo"), notices.get(0));
            assertTrue(r.mallinfoUnavailable().contains("already traced by process " + tracer.pid()));
            assertEquals(3, r.samples().size());
        }
    }

    @Test
    void breakpointHitsAreSamplesAndAKilledGdbLeavesTheServiceRunningWithItsCodeRepaired() throws Exception {
        try (WatchedService service = WatchedService.start(dir, "heap")) {
            String location = Fixtures.location("src/watched.c", "tick_done");
            GdbKiller killer = new GdbKiller(3);
            WatchResult r = watch(WatchRequest.of(new WatchRequest.Pid(service.pid()), Duration.ofSeconds(10),
                    Optional.of(Duration.ofSeconds(30))).withBreaks(List.of(location))
                    .withListeners(line -> { }, killer::onSample));

            assertEquals(RunStatus.ERROR, r.status());
            assertTrue(r.error().startsWith("gdb exited"), r.error());
            assertEquals(List.of(location, location, location),
                    r.samples().stream().skip(1).map(WatchSample::breakpoint).toList(), "one sample per hit");
            assertEquals(List.of("gdb died: wrote back the original code at 1 breakpoint location"), r.repairs(),
                    "watched.c:N is one location, in the service's own code");
            assertEquals(CaseExit.detached(), r.exit());
            // The breakpoint's int3 left in place would end the service with SIGTRAP at its next tick.
            Thread.sleep(500);
            service.assertRunningAndNotStopped();
        }
    }

    @Test
    void aSigintSentToTheServiceWhileWatchedStillReachesIt() throws Exception {
        try (WatchedService service = WatchedService.start(dir, "steady")) {
            java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
            WatchResult r = watch(WatchRequest.of(new WatchRequest.Pid(service.pid()), EVERY,
                    Optional.of(Duration.ofMillis(1200))).withListeners(line -> { }, sample -> {
                        if (seen.incrementAndGet() == 3) {
                            dev.vgharness.vgdb.ShortCommand.run(List.of("kill", "-INT", Long.toString(service.pid())),
                                    null, Duration.ofSeconds(10));
                        }
                    }));

            assertEquals(RunStatus.PASSED, r.status(), r.error());
            // gdb stops the service on any SIGINT (its own means of interrupting it); one not of the watch's own
            // is handed on, and the service's handler runs.
            assertTrue(service.output().contains("got SIGINT\n"), service.output());
            service.assertRunningAndNotStopped();
        }
    }

    @Test
    void anErrorAfterAttachingStillLeavesTheServiceDetachedAndRunning() throws Exception {
        try (WatchedService service = WatchedService.start(dir, "steady")) {
            WatchResult r = watch(watching(service).withBreaks(List.of("nosuch.c:1")));

            assertEquals(RunStatus.ERROR, r.status());
            assertTrue(r.error().startsWith("breakpoint 'nosuch.c:1' at 'nosuch.c:1' was never set: "), r.error());
            assertEquals(CaseExit.detached(), r.exit());
            assertEquals(List.of(), r.samples());
            service.assertRunningAndNotStopped();
        }
    }

    @Test
    void aProgramTheWatchStartedIsEndedWithItAndOneThatEndsEndsTheWatch() throws Exception {
        Path program = Fixtures.compile("src/watched.c");
        WatchResult span = watch(WatchRequest.of(new WatchRequest.Program(List.of(program.toString(), "heap"), dir),
                EVERY, Optional.of(Duration.ofSeconds(1))));
        WatchResult ends = watch(WatchRequest.of(new WatchRequest.Program(List.of(program.toString(), "heap", "-", "8"),
                dir), EVERY, Optional.of(Duration.ofSeconds(30))));

        assertEquals(RunStatus.PASSED, span.status(), span.error());
        assertEquals(CaseExit.detached(), span.exit());
        assertEquals(6, span.samples().size(), "at main, then after 0.2 s, 0.4 s, ... 1.0 s");
        assertTrue(span.target().started());
        assertFalse(ProcessHandle.of(span.target().pid()).map(ProcessHandle::isAlive).orElse(false), "ended");
        assertEquals(CaseExit.exited(0), ends.exit());
        assertTrue(ends.samples().size() >= 4 && ends.samples().size() <= 6, () -> ends.samples().size() + " samples");
    }
}
