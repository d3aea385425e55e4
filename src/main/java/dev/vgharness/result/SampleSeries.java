package dev.vgharness.result;

import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.plan.Metric;
import java.util.List;
import java.util.function.Function;

/**
 * The samples of a {@code sample:} case and the growth per second of the main numbers, from the first sample to
 * the last: {@code {"every_ms": 2000, "samples": [...], "definitely_lost_bytes_per_s": 24000.0,
 * "rss_kb_per_s": 12.5, "heap_in_use_bytes_per_s": 32000.0, "indirectly_lost_bytes_per_s": 0.0,
 * "possibly_lost_bytes_per_s": 0.0, "still_reachable_bytes_per_s": 170000.0, "suppressed_bytes_per_s": 0.0}}: every
 * kind of the leak summary under Memcheck (a program whose reachable memory grows 170 kB/s leaks nothing, yet
 * grows). A rate is null with fewer than two samples that have the number.
 */
public record SampleSeries(long everyMs, List<Sample> samples, Double definitelyLostBytesPerS, Double rssKbPerS,
        Double heapInUseBytesPerS, Double indirectlyLostBytesPerS, Double possiblyLostBytesPerS,
        Double stillReachableBytesPerS, Double suppressedBytesPerS) {

    public SampleSeries {
        samples = List.copyOf(samples);
    }

    /** The series with its rates. */
    public static SampleSeries of(long everyMs, List<Sample> samples) {
        return new SampleSeries(everyMs, samples, rate(samples, Sample::definitelyLostBytes),
                rate(samples, s -> s.memory() == null ? null : s.memory().proc().rssKb()),
                rate(samples, s -> s.memory() == null || s.memory().mallinfo() == null ? null
                        : s.memory().mallinfo().uordblks()),
                rate(samples, s -> s.leakBytes(LeakSummary::indirectlyLost)),
                rate(samples, s -> s.leakBytes(LeakSummary::possiblyLost)),
                rate(samples, s -> s.leakBytes(LeakSummary::stillReachable)),
                rate(samples, s -> s.leakBytes(LeakSummary::suppressed)));
    }

    private static Double rate(List<Sample> samples, Function<Sample, Long> number) {
        List<Sample> with = samples.stream().filter(s -> number.apply(s) != null).toList();
        if (with.size() < 2) {
            return null;
        }
        Sample first = with.get(0);
        Sample last = with.get(with.size() - 1);
        long ms = last.atMs() - first.atMs();
        return ms <= 0 ? null : (number.apply(last) - number.apply(first)) * 1000.0 / ms;
    }

    /** The value of a {@code *_per_s} metric, rounded to a whole number for the comparison; null when unknown. */
    public Long value(Metric metric) {
        Double rate = switch (metric) {
            case DEFINITELY_LOST_BYTES_PER_S -> definitelyLostBytesPerS;
            case RSS_KB_PER_S -> rssKbPerS;
            case HEAP_IN_USE_BYTES_PER_S -> heapInUseBytesPerS;
            case INDIRECTLY_LOST_BYTES_PER_S -> indirectlyLostBytesPerS;
            case POSSIBLY_LOST_BYTES_PER_S -> possiblyLostBytesPerS;
            case STILL_REACHABLE_BYTES_PER_S -> stillReachableBytesPerS;
            case SUPPRESSED_BYTES_PER_S -> suppressedBytesPerS;
            default -> throw new IllegalArgumentException("not a rate: " + metric);
        };
        return rate == null ? null : Math.round(rate);
    }
}
