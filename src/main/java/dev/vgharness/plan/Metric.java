package dev.vgharness.plan;

import dev.vgharness.memcheck.LeakKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A number an {@code expect:} block can check, named as in the plan: {@code definitely_lost_bytes},
 * {@code new_possibly_lost_blocks}, {@code errors}, {@code hits} (breakpoint only), {@code exit_code} (case only).
 * The target's {@code signal} is not a number and is a {@link SignalExpectation} instead. The memory metrics
 * ({@code heap_in_use_bytes}, {@code rss_kb}, ...; see {@link MemorySnapshot}) are read at breakpoints only, the
 * rates of a sampled case ({@code rss_kb_per_s}, see {@link SampleSeries}) at the case's end only.
 */
public enum Metric {
    DEFINITELY_LOST_BYTES, DEFINITELY_LOST_BLOCKS,
    INDIRECTLY_LOST_BYTES, INDIRECTLY_LOST_BLOCKS,
    POSSIBLY_LOST_BYTES, POSSIBLY_LOST_BLOCKS,
    STILL_REACHABLE_BYTES, STILL_REACHABLE_BLOCKS,
    SUPPRESSED_BYTES, SUPPRESSED_BLOCKS,
    NEW_DEFINITELY_LOST_BYTES, NEW_DEFINITELY_LOST_BLOCKS,
    NEW_INDIRECTLY_LOST_BYTES, NEW_INDIRECTLY_LOST_BLOCKS,
    NEW_POSSIBLY_LOST_BYTES, NEW_POSSIBLY_LOST_BLOCKS,
    NEW_STILL_REACHABLE_BYTES, NEW_STILL_REACHABLE_BLOCKS,
    NEW_SUPPRESSED_BYTES, NEW_SUPPRESSED_BLOCKS,
    ERRORS, HITS, EXIT_CODE,
    HEAP_IN_USE_BYTES, MMAP_IN_USE_BYTES, HEAP_FREE_BYTES, RSS_KB, RSS_MINUS_SHARED_KB, HEAP_RSS_KB, MMAP_RSS_KB,
    NEW_HEAP_IN_USE_BYTES, NEW_MMAP_IN_USE_BYTES, NEW_HEAP_FREE_BYTES, NEW_RSS_KB, NEW_RSS_MINUS_SHARED_KB,
    NEW_HEAP_RSS_KB, NEW_MMAP_RSS_KB,
    DEFINITELY_LOST_BYTES_PER_S, RSS_KB_PER_S, HEAP_IN_USE_BYTES_PER_S,
    INDIRECTLY_LOST_BYTES_PER_S, POSSIBLY_LOST_BYTES_PER_S, STILL_REACHABLE_BYTES_PER_S, SUPPRESSED_BYTES_PER_S,
    MMAP_IN_USE_BYTES_PER_S, HEAP_FREE_BYTES_PER_S, SHARED_KB_PER_S, RSS_MINUS_SHARED_KB_PER_S, HEAP_RSS_KB_PER_S,
    MMAP_RSS_KB_PER_S, SWAP_KB_PER_S;

    private static final String NEW = "NEW_";

    /** The name in the plan, e.g. {@code new_definitely_lost_bytes}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Metric> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key().equals(key)).findFirst();
    }

    /** The growth rates of the process view (not Memcheck's leak rate), in the order reports list them. */
    public static List<Metric> memoryRates() {
        return List.of(HEAP_IN_USE_BYTES_PER_S, MMAP_IN_USE_BYTES_PER_S, HEAP_FREE_BYTES_PER_S, RSS_KB_PER_S,
                SHARED_KB_PER_S, RSS_MINUS_SHARED_KB_PER_S, HEAP_RSS_KB_PER_S, MMAP_RSS_KB_PER_S, SWAP_KB_PER_S);
    }

    /** Every metric's key, in declaration order (for "did you mean"). */
    static List<String> keys() {
        return Arrays.stream(values()).map(Metric::key).toList();
    }

    /** True for the process memory metrics (mallinfo2 and /proc), false for the leak metrics and counts. */
    public boolean isMemory() {
        if (isRate()) {
            return false;
        }
        String base = isIncrease() ? name().substring(NEW.length()) : name();
        return base.startsWith("HEAP_") || base.startsWith("MMAP_") || base.startsWith("RSS_");
    }

    /** True for the growth rates of a {@code sample:} case ({@code rss_kb_per_s}), checked with the case's expect. */
    public boolean isRate() {
        return name().endsWith("_PER_S");
    }

    public boolean allowedAtBreakpoint() {
        return this != EXIT_CODE && !isRate();
    }

    public boolean allowedAtCase() {
        return this != HITS && !isMemory();
    }

    /** True for the {@code new_*} metrics: the increase since the previous leak check of the same case. */
    public boolean isIncrease() {
        return name().startsWith(NEW);
    }

    /** For a leak metric, the summary kind as the JSON report names it ({@code definitely_lost}); empty otherwise. */
    public Optional<String> leakKind() {
        String base = isIncrease() ? name().substring(NEW.length()) : name();
        int unit = base.lastIndexOf('_');
        if (isMemory() || isRate() || !base.endsWith("_BYTES") && !base.endsWith("_BLOCKS")) {
            return Optional.empty();
        }
        return Optional.of(base.substring(0, unit).toLowerCase(Locale.ROOT));
    }

    /** For a leak metric about loss records, their kind; empty for {@code suppressed_*} and every other metric. */
    public Optional<LeakKind> recordKind() {
        return leakKind().flatMap(key -> Arrays.stream(LeakKind.values()).filter(k -> k.key().equals(key)).findFirst());
    }

    /** True for the {@code *_bytes} leak metrics, false for blocks and the plain counts. */
    public boolean countsBytes() {
        return name().endsWith("_BYTES");
    }
}
