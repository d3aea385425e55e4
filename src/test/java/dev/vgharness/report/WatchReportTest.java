package dev.vgharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.result.Assertion;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.MemoryRates;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.TrimProbe;
import dev.vgharness.result.WatchResult;
import dev.vgharness.result.WatchSample;
import dev.vgharness.result.WatchTarget;
import dev.vgharness.result.WatchVerdict;
import dev.vgharness.vgdb.KernelMemory;
import dev.vgharness.vgdb.MallocInfo;
import dev.vgharness.vgdb.SysvSegment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch's text summary, JUnit XML and HTML, from a result built by hand. */
class WatchReportTest {

    @TempDir
    Path dir;

    private static WatchSample sample(long atMs, long shmemKb, List<SysvSegment> sysv) {
        KernelMemory proc = new KernelMemory(1400 + shmemKb, 1300 + shmemKb, 100, 100, 1300, shmemKb, 0, 4, 4, 32, 32,
                32);
        return new WatchSample(atMs, null, new MallocInfo(135168, 1, 0, 0, 0, 0, 0, 1664, 133504, 133504), proc, sysv);
    }

    private static WatchResult result(RunStatus status, String error, List<Assertion> expectations) {
        List<WatchSample> samples = List.of(sample(0, 0, List.of(new SysvSegment("0x76672247", 1, 65536, 0))),
                sample(1000, 2560, List.of(new SysvSegment("0x76672247", 1, 65536, 2560),
                        new SysvSegment("0x<b>", 2, 8, 4))));
        MemoryRates rates = MemoryRates.of(samples.stream()
                .map(s -> new MemoryRates.Point(s.atMs(), s.mallinfo(), s.proc())).toList());
        return new WatchResult(new RunResult.Tool("vgharness", "test"), new WatchTarget(4242, List.of("./svc", "-d"),
                false), status, error, Instant.parse("2026-01-02T03:04:05Z"), 3012, 1000, 120, CaseExit.detached(),
                null, List.of("the process was left stopped: sent SIGCONT"), samples, rates,
                WatchVerdict.of(rates, 1000, true), expectations, TrimProbe.of(892, 144, null, null));
    }

    @Test
    void theSummaryGivesEveryRateTheVerdictTheProbeAndTheExpectations() {
        WatchResult r = result(RunStatus.FAILED, null, List.of(new Assertion("shared_kb_per_s", "== 0", 2560L, false,
                "shared_kb_per_s: expected == 0, was 2560")));
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        WatchReport.printSummary(r, new PrintStream(text, true, StandardCharsets.UTF_8));

        assertEquals("""
                FAIL   watch 4242: ./svc -d (3.0 s, 2 samples every 1000 ms, stopped 120 ms; detached, still running)
                       repaired: the process was left stopped: sent SIGCONT
                       heap_in_use_bytes_per_s                 +0 /s  (2 samples)
                       mmap_in_use_bytes_per_s                 +0 /s  (2 samples)
                       heap_free_bytes_per_s                   +0 /s  (2 samples)
                       rss_kb_per_s                        +2,560 /s  (2 samples)
                       shared_kb_per_s                     +2,560 /s  (2 samples)
                       rss_minus_shared_kb_per_s               +0 /s  (2 samples)
                       heap_rss_kb_per_s                       +0 /s  (2 samples)
                       mmap_rss_kb_per_s                       +0 /s  (2 samples)
                       swap_kb_per_s                           +0 /s  (2 samples)
                       verdict: shared memory being touched: SHR +2,560 kB/s while RSS-SHR is flat (+0 kB/s) over 2 samples: not a leak
                       trim probe: released 748 kB: the heap held free memory (fragmentation), not a leak (heap RSS 892 kB -> 144 kB)
                       FAILED shared_kb_per_s: expected == 0, was 2560
                """, text.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aWatchThatWentWrongIsOneJunitTestWithItsError() throws Exception {
        Path file = dir.resolve("junit.xml");

        WatchJunit.write(result(RunStatus.ERROR, "gdb exited while waiting for the target to stop", List.of()), file);

        String xml = Files.readString(file);
        SchemaValidation.assertValidJunit(xml);
        assertTrue(xml.contains("<testsuite name=\"watch 4242\" tests=\"1\" failures=\"0\" errors=\"1\" time=\"3.012\""
                + " timestamp=\"2026-01-02T03:04:05\"><testcase classname=\"watch 4242\" name=\"watch\" time=\"3.012\">"
                + "<error message=\"gdb exited while waiting for the target to stop\" type=\"harness\"></error>"
                + "</testcase><system-out><![CDATA[ERROR  watch 4242: ./svc -d"), xml);
    }

    @Test
    void theHtmlChartsEachSysvSegmentAndEscapesWhatItShows() {
        String html = WatchHtml.html(result(RunStatus.PASSED, null, List.of()));

        assertEquals(3, html.split("<svg ", -1).length - 1, "mallinfo2, /proc, SysV");
        String sysv = html.substring(html.indexOf("aria-label=\"SysV segments over time\""));
        assertEquals(2, sysv.split("<polyline", -1).length - 1, "one line per key");
        assertTrue(sysv.contains("SysV 0x&lt;b&gt;"), sysv);
        assertTrue(html.contains("<h2>Trim probe</h2><p>released 748 kB: the heap held free memory (fragmentation),"
                + " not a leak (heap RSS 892 kB before, 144 kB after)</p>"), html);
    }
}
