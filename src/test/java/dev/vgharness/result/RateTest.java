package dev.vgharness.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.plan.Metric;
import dev.vgharness.vgdb.KernelMemory;
import dev.vgharness.vgdb.MallocInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateTest {

    private static List<Rate.Point> points(long... msAndValue) {
        List<Rate.Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < msAndValue.length; i += 2) {
            points.add(new Rate.Point(msAndValue[i], msAndValue[i + 1]));
        }
        return points;
    }

    @Test
    void isTheLeastSquaresSlopePerSecond() {
        assertEquals(new Rate(3200.0, 4), Rate.of(points(0, 1000, 500, 2600, 1000, 4200, 1500, 5800)));
        // Values 0, 0, 0, 3000 at 0..3 s: the line through all of them rises 900/s, not 1000/s as first-to-last.
        assertEquals(new Rate(900.0, 4), Rate.of(points(0, 0, 1000, 0, 2000, 0, 3000, 3000)));
    }

    @Test
    void isUnknownWithFewerThanTwoSamplesOrNoTimeBetweenThem() {
        assertEquals(new Rate(null, 1), Rate.of(points(0, 5)));
        assertEquals(new Rate(null, 0), Rate.of(List.of()));
        assertEquals(new Rate(null, 2), Rate.of(points(100, 5, 100, 9)));
        assertEquals(null, new Rate(null, 1).rounded());
        assertEquals(0.0, new Rate(null, 1).over(1000));
    }

    @Test
    void memoryRatesCountOnlyTheSamplesThatHaveTheNumber() {
        KernelMemory proc = new KernelMemory(1000, 800, 200, 200, 800, 0, 0, 4, 4, 0, 0, 0);
        KernelMemory grown = new KernelMemory(1010, 800, 210, 210, 800, 0, 0, 14, 14, 0, 0, 0);
        MallocInfo heap = new MallocInfo(135168, 1, 0, 0, 0, 0, 0, 32_000, 100_000, 0);

        MemoryRates rates = MemoryRates.of(List.of(new MemoryRates.Point(0, null, proc),
                new MemoryRates.Point(1000, heap, grown), new MemoryRates.Point(2000, null, grown)));

        assertEquals(new Rate(null, 1), rates.heapInUseBytesPerS());
        assertEquals(new Rate(5.0, 3), rates.rssKbPerS());
        assertEquals(new Rate(0.0, 3), rates.sharedKbPerS());
        assertEquals(java.util.Optional.of(rates.heapRssKbPerS()), rates.rate(Metric.HEAP_RSS_KB_PER_S));
        assertEquals(java.util.Optional.empty(), rates.rate(Metric.DEFINITELY_LOST_BYTES_PER_S));
    }
}
