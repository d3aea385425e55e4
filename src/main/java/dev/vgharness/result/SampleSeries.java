package dev.vgharness.result;

import dev.vgharness.plan.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * The samples of a {@code sample:} case and the growth per second of the main numbers, each the least-squares slope
 * over the samples that have the number ({@link Rate}): {@code {"every_ms": 2000, "samples": [...],
 * "definitely_lost_bytes_per_s": 24000.0, "rss_kb_per_s": 12.5, "heap_in_use_bytes_per_s": 32000.0}}. A rate is null
 * with fewer than two samples that have the number. The other memory rates ({@link MemoryRates}) are computed when an
 * expectation asks for them.
 */
public record SampleSeries(long everyMs, List<Sample> samples, Double definitelyLostBytesPerS, Double rssKbPerS,
        Double heapInUseBytesPerS) {

    public SampleSeries {
        samples = List.copyOf(samples);
    }

    /** The series with its rates. */
    public static SampleSeries of(long everyMs, List<Sample> samples) {
        MemoryRates memory = memoryRates(samples);
        List<Rate.Point> lost = new ArrayList<>();
        for (Sample s : samples) {
            if (s.definitelyLostBytes() != null) {
                lost.add(new Rate.Point(s.atMs(), s.definitelyLostBytes()));
            }
        }
        return new SampleSeries(everyMs, samples, Rate.of(lost).perS(), memory.rssKbPerS().perS(),
                memory.heapInUseBytesPerS().perS());
    }

    private static MemoryRates memoryRates(List<Sample> samples) {
        return MemoryRates.of(samples.stream().filter(s -> s.memory() != null)
                .map(s -> new MemoryRates.Point(s.atMs(), s.memory().mallinfo(), s.memory().proc())).toList());
    }

    /** The value of a {@code *_per_s} metric, rounded to a whole number for the comparison; null when unknown. */
    public Long value(Metric metric) {
        if (metric == Metric.DEFINITELY_LOST_BYTES_PER_S) {
            return definitelyLostBytesPerS == null ? null : Math.round(definitelyLostBytesPerS);
        }
        return memoryRates(samples).rate(metric)
                .orElseThrow(() -> new IllegalArgumentException("not a rate: " + metric)).rounded();
    }
}
