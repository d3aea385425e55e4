package dev.vgharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.plan.CaseResult;
import dev.vgharness.plan.ExitInfo;
import dev.vgharness.plan.ProcessMemory;
import dev.vgharness.plan.RunStatus;
import dev.vgharness.plan.Sample;
import dev.vgharness.plan.SampleSeries;
import dev.vgharness.plan.StopResult;
import dev.vgharness.vgdb.MallocInfo;
import dev.vgharness.vgdb.ProcMemory;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlMemoryChartTest {

    private static final ProcMemory PROC = new ProcMemory(1444, 1084, 360, 360, 132, 132, 292, 292, 292);

    private static ProcessMemory nativeReading(long uordblks) {
        MallocInfo m = new MallocInfo(135168, 1, 0, 0, 0, 0, 0, uordblks, 135168 - uordblks, 0);
        return new ProcessMemory(m, m, PROC, PROC, ProcessMemory.SMALL);
    }

    private static StopResult stop(int hit, ProcessMemory memory) {
        return new StopResult("done", hit, 1, null, null, List.of(), List.of(), List.of(), null, 1444L, List.of(),
                List.of(), List.of(), 1, memory);
    }

    @Test
    void drawsEveryNativeSeriesOverTheStopsAndTheSamples() {
        CaseResult c = new CaseResult("n", RunStatus.PASSED, null, List.of("./growth"), 1, 10,
                List.of(stop(1, nativeReading(3856)), stop(2, nativeReading(7056))), ExitInfo.exited(0), null,
                List.of(), "", SampleSeries.of(500, List.of(new Sample(500, null, nativeReading(3856)),
                        new Sample(1000, null, nativeReading(7056)))));

        String html = HtmlMemoryChart.forCase(c);

        assertEquals(2, html.split("<svg ", -1).length - 1);
        assertEquals(2 * 5, html.split("<polyline", -1).length - 1, "5 series in each chart");
        assertTrue(html.contains("<title>done#2 heap in use: 7056 bytes</title>"), html);
        assertTrue(html.contains("<title>1.0s RSS: 1478656 bytes</title>"), html);
    }

    @Test
    void drawsOnlyTheRssLinesUnderMemcheckAndNothingWithoutReadings() {
        ProcessMemory valgrind = new ProcessMemory(null, null, PROC, PROC, null);
        CaseResult memcheck = new CaseResult("m", RunStatus.PASSED, null, List.of("./x"), 1, 10,
                List.of(stop(1, valgrind)), ExitInfo.exited(0), null, List.of(), "");
        CaseResult none = new CaseResult("m", RunStatus.PASSED, null, List.of("./x"), 1, 10, List.of(stop(1, null)),
                ExitInfo.exited(0), null, List.of(), "");

        assertEquals(3, HtmlMemoryChart.forCase(memcheck).split("<polyline", -1).length - 1);
        assertEquals("", HtmlMemoryChart.forCase(none));
    }
}
