package dev.vgharness.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the rates of a watch say, in the method's terms, with the numbers that led to it: small-block heap growth
 * (brk), large-block growth (mmap), fragmentation, shared memory being touched (not a leak), growth elsewhere, or
 * steady. A number "grows" when its least-squares line rose by at least {@value #SIGNIFICANT_KIB} KiB over the watch
 * (less is allocator and page granularity); "flat" is the opposite. Without mallinfo2 (no ptrace) the heap and mmap
 * findings come from their RSS alone, which cannot tell growth from fragmentation.
 * <pre>
 * "verdict": {"kind": "heap_growth", "text": "small-block heap growth (brk): heap in use +31,840 B/s ...", "also": []}
 * </pre>
 *
 * @param kind heap_growth, mmap_growth, fragmentation, shared_memory, other_growth or steady: the first finding
 * @param text the finding in words, with its numbers
 * @param also the kinds of further findings, e.g. heap_growth next to mmap_growth
 */
public record WatchVerdict(String kind, String text, List<String> also) {

    static final int SIGNIFICANT_KIB = 16;

    public WatchVerdict {
        also = List.copyOf(also);
    }

    /** One finding: its kind and sentence. */
    private record Finding(String kind, String text) {
    }

    /** The verdict on a watch of {@code spanMs} milliseconds (first to last sample). */
    public static WatchVerdict of(MemoryRates r, long spanMs, boolean withMallinfo) {
        Growth g = new Growth(spanMs);
        List<Finding> findings = new ArrayList<>();
        if (withMallinfo ? g.grows(r.mmapInUseBytesPerS(), 1) : g.grows(r.mmapRssKbPerS(), 1024)) {
            findings.add(new Finding("mmap_growth", "large-block growth (mmap): " + (withMallinfo
                    ? "mmap in use " + bytes(r.mmapInUseBytesPerS()) + ", " : "") + "mmap RSS " + kb(r.mmapRssKbPerS())
                    + samples(r.rssKbPerS()) + ": blocks above the mmap threshold are not freed"));
        }
        if (withMallinfo ? g.grows(r.heapInUseBytesPerS(), 1) : g.grows(r.heapRssKbPerS(), 1024)) {
            findings.add(new Finding("heap_growth", "small-block heap growth (brk): " + (withMallinfo
                    ? "heap in use " + bytes(r.heapInUseBytesPerS()) + ", " : "") + "heap RSS " + kb(r.heapRssKbPerS())
                    + samples(r.rssKbPerS()) + (withMallinfo ? ": blocks below the mmap threshold are not freed"
                    : ": without mallinfo2 this may also be fragmentation")));
        }
        if (withMallinfo && g.grows(r.heapRssKbPerS(), 1024) && g.flat(r.heapInUseBytesPerS(), 1)
                && g.grows(r.heapFreeBytesPerS(), 1)) {
            findings.add(new Finding("fragmentation", "fragmentation: heap RSS " + kb(r.heapRssKbPerS())
                    + " while heap in use is flat (" + bytes(r.heapInUseBytesPerS()) + ") and free heap grows "
                    + bytes(r.heapFreeBytesPerS()) + samples(r.rssKbPerS())
                    + ": freed memory is neither reused nor returned (the trim probe shows how much comes back)"));
        }
        if (g.grows(r.sharedKbPerS(), 1024) && g.flat(r.rssMinusSharedKbPerS(), 1024)) {
            findings.add(new Finding("shared_memory", "shared memory being touched: SHR " + kb(r.sharedKbPerS())
                    + " while RSS-SHR is flat (" + kb(r.rssMinusSharedKbPerS()) + ")" + samples(r.rssKbPerS())
                    + ": not a leak"));
        }
        if (findings.isEmpty() && g.grows(r.rssMinusSharedKbPerS(), 1024)) {
            findings.add(new Finding("other_growth", "RSS-SHR grows " + kb(r.rssMinusSharedKbPerS())
                    + samples(r.rssKbPerS()) + ", but neither the heap nor the anonymous mappings do: thread stacks,"
                    + " file mappings or memory outside malloc"));
        }
        if (findings.isEmpty()) {
            return new WatchVerdict("steady", String.format(Locale.US, "steady: nothing grew by %d KiB or more over"
                    + " the %.1f s watched (RSS %s, RSS-SHR %s%s)%s", SIGNIFICANT_KIB, spanMs / 1000.0,
                    kb(r.rssKbPerS()), kb(r.rssMinusSharedKbPerS()), withMallinfo ? ", heap in use "
                    + bytes(r.heapInUseBytesPerS()) : "", samples(r.rssKbPerS())), List.of());
        }
        return new WatchVerdict(findings.get(0).kind(), String.join("; also ", findings.stream().map(Finding::text)
                .toList()), findings.stream().skip(1).map(Finding::kind).toList());
    }

    /** Whether a rate in bytes (unit 1) or kB (unit 1024) moved a significant amount over the span. */
    private record Growth(long spanMs) {
        boolean grows(Rate rate, long unit) {
            return rate.perS() != null && rate.over(spanMs) * unit >= SIGNIFICANT_KIB * 1024;
        }

        boolean flat(Rate rate, long unit) {
            return rate.perS() == null || Math.abs(rate.over(spanMs) * unit) < SIGNIFICANT_KIB * 1024;
        }
    }

    private static String bytes(Rate rate) {
        return rate.perS() == null ? "unknown" : String.format(Locale.US, "%+,.0f B/s", rate.perS());
    }

    private static String kb(Rate rate) {
        return rate.perS() == null ? "unknown" : String.format(Locale.US, "%+,.0f kB/s", rate.perS());
    }

    private static String samples(Rate rate) {
        return " over " + rate.samples() + " samples";
    }
}
