package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import dev.vgharness.WatchedService;
import dev.vgharness.plan.PlanLoader;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.StopResult;
import dev.vgharness.result.TrimProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan cases on fixtures/src/watched.c: {@code attach:} a running service, and the {@code malloc_trim} action. */
class AttachCaseEndToEndTest {

    @TempDir
    Path dir;

    private CaseResult run(String yaml) throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, yaml);
        return new PlanRunner(RunOptions.defaults().withDefaultTimeout(Duration.ofSeconds(60)), Clock.systemUTC(),
                "test").run(PlanLoader.load(plan)).cases().get(0);
    }

    @Test
    void aCaseAttachesToTheProcessOfAPidfileSamplesItAndLeavesItRunning() throws Exception {
        Path pidfile = dir.resolve("service.pid");
        try (WatchedService service = WatchedService.start(dir, "heap", pidfile.toString())) {
            CaseResult c = run("""
                    cases:
                      - name: attached
                        mode: native
                        attach: {pidfile: service.pid}
                        sample: {every: 300ms, for: 1500ms}
                        expect: {heap_in_use_bytes_per_s: "> 10000", mmap_in_use_bytes_per_s: 0}
                    """);

            assertEquals(RunStatus.PASSED, c.status(), c.error() + " " + c.assertions());
            assertEquals(CaseExit.detached(), c.exit());
            assertEquals(service.pid(), c.pid());
            assertEquals(java.util.List.of(Fixtures.compile("src/watched.c").toString(), "heap", pidfile.toString()),
                    c.command());
            assertEquals(5, c.samples().samples().size());
            service.assertRunningAndNotStopped();
        }
    }

    @Test
    void aCaseWhoseProcessIsGoneIsAnErrorThatSaysSo() throws Exception {
        CaseResult c = run("""
                cases:
                  - name: gone
                    mode: native
                    attach: {pid: 2147483000}
                    sample: {every: 1s, for: 1s}
                """);

        assertEquals(RunStatus.ERROR, c.status());
        assertEquals("attach: no process 2147483000", c.error());
        assertNull(c.exit());
    }

    @Test
    void theMallocTrimActionRecordsWhatTheTrimGaveBack() throws Exception {
        CaseResult c = run("""
                cases:
                  - name: trim
                    mode: native
                    command: [%s, fragment, "-", "25"]
                    breakpoints:
                      - {id: late, at: "%s", ignore: 20, max_hits: 1, actions: [malloc_trim]}
                """.formatted(Fixtures.compile("src/watched.c"), Fixtures.location("src/watched.c", "tick_done")));

        assertEquals(RunStatus.PASSED, c.status(), c.error());
        assertEquals(CaseExit.exited(0), c.exit());
        StopResult stop = c.stops().get(0);
        TrimProbe trim = stop.mallocTrim();
        // 20 holes of 32 KiB + 64 * i bytes, each freed but held: about 28 kB of whole pages in each comes back.
        assertTrue(trim.releasedKb() >= 20 * 24, trim::toString);
        assertEquals(stop.memory().proc().heapRssKb(), trim.heapRssKbBefore(), "measured before the trim");
        assertEquals(trim.heapRssKbBefore() - trim.heapRssKbAfter(), trim.releasedKb());
    }
}
