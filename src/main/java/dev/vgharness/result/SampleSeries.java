package dev.vgharness.result;

import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.plan.Metric;
import java.util.List;
import java.util.function.Function;

/**
 * The samples of a {@code sample:} case and the growth per second of the main numbers, each the least-squares slope
 * over the samples that have the number ({@link Rate}): {@code {"every_ms": 2000, "samples": [...],
 * "definitely_lost_bytes_per_s": 24000.0, "rss_kb_per_s": 12.5, "heap_in_use_bytes_per_s": 32000.0,
 * "indirectly_lost_bytes_per_s": 0.0, "possibly_lost_bytes_per_s": 0.0, "still_reachable_bytes_per_s": 170000.0,
 * "suppressed_bytes_per_s": 0.0}}: every kind of the leak summary under Memcheck (a program whose reachable memory
 * grows 170 kB/s leaks nothing, yet grows). A rate is null with fewer than two samples that have the number. The
 * other memory rates ({@link MemoryRates}) are computed when an expectation asks for them.
 */
public record SampleSeries(long everyMs, List<Sample> samples, Double definitelyLostBytesPerS, Double rssKbPerS,
        Double heapInUseBytesPerS, Double indirectlyLostBytesPerS, Double possiblyLostBytesPerS,
        Double stillReachableBytesPerS, Double suppressedBytesPerS) {

    public SampleSeries {
        samples = List.copyOf(samples);
    }

    /** The series with its rates. */
    public static SampleSeries of(long everyMs, List<Sample> samples) {
        MemoryRates memory = memoryRates(samples);
        return new SampleSeries(everyMs, samples, rate(samples, Sample::definitelyLostBytes),
                memory.rssKbPerS().perS(), memory.heapInUseBytesPerS().perS(),
                rate(samples, s -> s.leakBytes(LeakSummary::indirectlyLost)),
                rate(samples, s -> s.leakBytes(LeakSummary::possiblyLost)),
                rate(samples, s -> s.leakBytes(LeakSummary::stillReachable)),
                rate(samples, s -> s.leakBytes(LeakSummary::suppressed)));
    }

    /** The least-squares slope per second of one number over the samples that have it, or null. */
    private static Double rate(List<Sample> samples, Function<Sample, Long> number) {
        return Rate.over(samples, Sample::atMs, number).perS();
    }

    private static MemoryRates memoryRates(List<Sample> samples) {
        return MemoryRates.of(samples.stream().filter(s -> s.memory() != null)
                .map(s -> new MemoryRates.Point(s.atMs(), s.memory().mallinfo(), s.memory().proc())).toList());
    }

    /** The value of a {@code *_per_s} metric, rounded to a whole number for the comparison; null when unknown. */
    public Long value(Metric metric) {
        switch (metric) {
            case DEFINITELY_LOST_BYTES_PER_S -> { return rounded(definitelyLostBytesPerS); }
            case INDIRECTLY_LOST_BYTES_PER_S -> { return rounded(indirectlyLostBytesPerS); }
            case POSSIBLY_LOST_BYTES_PER_S -> { return rounded(possiblyLostBytesPerS); }
            case STILL_REACHABLE_BYTES_PER_S -> { return rounded(stillReachableBytesPerS); }
            case SUPPRESSED_BYTES_PER_S -> { return rounded(suppressedBytesPerS); }
            default -> {
                return memoryRates(samples).rate(metric)
                        .orElseThrow(() -> new IllegalArgumentException("not a rate: " + metric)).rounded();
            }
        }
    }

    private static Long rounded(Double rate) {
        return rate == null ? null : Math.round(rate);
    }
}
