package dev.vgharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.result.CaseExit;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.MemorySnapshot;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.Sample;
import dev.vgharness.result.SampleSeries;
import dev.vgharness.result.StopResult;
import dev.vgharness.vgdb.KernelMemory;
import dev.vgharness.vgdb.MallocInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlMemoryChartTest {

    private static final KernelMemory PROC = new KernelMemory(1444, 1084, 360, 360, 1084, 0, 0, 132, 132, 292, 292, 292);

    private static MemorySnapshot nativeReading(long uordblks) {
        MallocInfo m = new MallocInfo(135168, 1, 0, 0, 0, 0, 0, uordblks, 135168 - uordblks, 0);
        return new MemorySnapshot(m, m, PROC, PROC, MemorySnapshot.SMALL);
    }

    private static StopResult stop(int hit, MemorySnapshot memory) {
        return new StopResult("done", hit, 1, null, null, List.of(), List.of(), List.of(), null, 1444L, List.of(),
                List.of(), List.of(), 1, memory);
    }

    @Test
    void drawsEveryNativeSeriesOverTheStopsAndTheSamples() {
        CaseResult c = new CaseResult("n", RunStatus.PASSED, null, List.of("./growth"), 1, 10,
                List.of(stop(1, nativeReading(3856)), stop(2, nativeReading(7056))), CaseExit.exited(0), null,
                List.of(), "", SampleSeries.of(500, List.of(new Sample(500, null, nativeReading(3856)),
                        new Sample(1000, null, nativeReading(7056)))));

        String html = HtmlMemoryChart.forCase(c);

        assertEquals(2, html.split("<svg ", -1).length - 1);
        assertEquals(2 * 5, html.split("<polyline", -1).length - 1, "5 series in each chart");
        assertTrue(html.contains("<title>done#2 heap in use: 7056 bytes</title>"), html);
        assertTrue(html.contains("<title>1.0s RSS: 1478656 bytes</title>"), html);
    }

    @Test
    void drawsOnlyTheRssLinesOfTheValgrindProcessUnderMemcheckAndNothingWithoutTwoReadings() {
        MemorySnapshot valgrind = new MemorySnapshot(null, null, PROC, PROC, null);
        CaseResult memcheck = new CaseResult("m", RunStatus.PASSED, null, List.of("./x"), 1, 10,
                List.of(stop(1, valgrind), stop(2, valgrind)), CaseExit.exited(0), null, List.of(), "");
        CaseResult one = new CaseResult("m", RunStatus.PASSED, null, List.of("./x"), 1, 10, List.of(stop(1, valgrind)),
                CaseExit.exited(0), null, List.of(), "");
        CaseResult none = new CaseResult("m", RunStatus.PASSED, null, List.of("./x"), 1, 10,
                List.of(stop(1, null), stop(2, null)), CaseExit.exited(0), null, List.of(), "");

        String html = HtmlMemoryChart.forCase(memcheck);
        assertEquals(3, html.split("<polyline", -1).length - 1);
        assertTrue(html.contains("class=\"title\">Memory of the valgrind process (Valgrind + the program) at each stop"
                + "</text>"), html);
        assertEquals("", HtmlMemoryChart.forCase(one), "one reading shows no trend");
        assertEquals("", HtmlMemoryChart.forCase(none));
    }
}
