package dev.vgharness.result;

import dev.vgharness.plan.Metric;
import dev.vgharness.vgdb.KernelMemory;
import dev.vgharness.vgdb.MallocInfo;
import java.util.List;
import java.util.function.Function;

/**
 * The growth per second of the process view over a series of samples, each a least-squares slope ({@link Rate}):
 * mallinfo2's heap in use (uordblks), mmapped bytes (hblkhd) and free heap (fordblks), and the kernel's RSS, shared
 * (RssFile + RssShmem, top's SHR), RSS minus shared, brk heap RSS, anonymous mappings' RSS and swap.
 * <pre>
 * "rates": {"heap_in_use_bytes_per_s": {"per_s": 31840.5, "samples": 14}, ..., "swap_kb_per_s": {...}}
 * </pre>
 */
public record MemoryRates(Rate heapInUseBytesPerS, Rate mmapInUseBytesPerS, Rate heapFreeBytesPerS, Rate rssKbPerS,
        Rate sharedKbPerS, Rate rssMinusSharedKbPerS, Rate heapRssKbPerS, Rate mmapRssKbPerS, Rate swapKbPerS) {

    /** One sample: when, mallinfo2 (null when it could not be read), /proc. */
    public record Point(long atMs, MallocInfo mallinfo, KernelMemory proc) {
    }

    /** The rates of a series of samples. */
    public static MemoryRates of(List<Point> points) {
        return new MemoryRates(malloc(points, MallocInfo::uordblks), malloc(points, MallocInfo::hblkhd),
                malloc(points, MallocInfo::fordblks), proc(points, KernelMemory::rssKb),
                proc(points, KernelMemory::sharedKb), proc(points, KernelMemory::rssMinusSharedKb),
                proc(points, KernelMemory::heapRssKb), proc(points, KernelMemory::mmapRssKb),
                proc(points, KernelMemory::swapKb));
    }

    private static Rate malloc(List<Point> points, Function<MallocInfo, Long> field) {
        return rate(points, p -> p.mallinfo() == null ? null : field.apply(p.mallinfo()));
    }

    private static Rate proc(List<Point> points, Function<KernelMemory, Long> field) {
        return rate(points, p -> p.proc() == null ? null : field.apply(p.proc()));
    }

    private static Rate rate(List<Point> points, Function<Point, Long> number) {
        return Rate.over(points, Point::atMs, number);
    }

    /** The rate a {@code *_per_s} memory metric names; empty for the other metrics. */
    public java.util.Optional<Rate> rate(Metric metric) {
        Rate rate = switch (metric) {
            case HEAP_IN_USE_BYTES_PER_S -> heapInUseBytesPerS;
            case MMAP_IN_USE_BYTES_PER_S -> mmapInUseBytesPerS;
            case HEAP_FREE_BYTES_PER_S -> heapFreeBytesPerS;
            case RSS_KB_PER_S -> rssKbPerS;
            case SHARED_KB_PER_S -> sharedKbPerS;
            case RSS_MINUS_SHARED_KB_PER_S -> rssMinusSharedKbPerS;
            case HEAP_RSS_KB_PER_S -> heapRssKbPerS;
            case MMAP_RSS_KB_PER_S -> mmapRssKbPerS;
            case SWAP_KB_PER_S -> swapKbPerS;
            default -> null;
        };
        return java.util.Optional.ofNullable(rate);
    }
}
