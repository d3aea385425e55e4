package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

import dev.vgharness.plan.Metric;
import dev.vgharness.vgdb.KernelMemory;
import dev.vgharness.vgdb.MallocInfo;

/**
 * The process view of memory at one stop: glibc's {@code mallinfo2()} (native mode only), the kernel's numbers from
 * /proc, the growth of both since the previous stop of the case (at the first: since the start, i.e. the values
 * themselves), and the kind of growth they point at. In memcheck mode /proc describes the valgrind process, whose
 * memory includes Valgrind's own: good for a trend only.
 * <pre>
 * "memory": {"mallinfo": {"arena": 135168, ..., "uordblks": 3856, ...}, "mallinfo_delta": {...},
 *            "proc": {"rss_kb": 1460, "heap_rss_kb": 132, ...}, "proc_delta": {...}, "growth": "small blocks via brk heap"}
 * </pre>
 *
 * @param mallinfo null in memcheck mode
 * @param mallinfoDelta null in memcheck mode
 * @param growth one of {@link #SMALL}, {@link #LARGE}, {@link #FRAGMENTATION}, {@link #NONE}; null in memcheck mode
 */
public record MemorySnapshot(MallocInfo mallinfo, MallocInfo mallinfoDelta, KernelMemory proc, KernelMemory procDelta,
        String growth) {

    public static final String SMALL = "small blocks via brk heap";
    public static final String LARGE = "large blocks via mmap";
    public static final String FRAGMENTATION = "fragmentation: heap RSS grows while much of the heap is free";
    public static final String NONE = "no growth";

    public MemorySnapshot {
        requireNonNull(proc, "proc is null");
        requireNonNull(procDelta, "procDelta is null");
    }

    /** The reading with its growth since {@code previous} (null at the first stop). */
    public static MemorySnapshot of(MallocInfo mallinfo, KernelMemory proc, MemorySnapshot previous) {
        MallocInfo mallinfoDelta = mallinfo == null ? null
                : previous == null || previous.mallinfo() == null ? mallinfo : mallinfo.minus(previous.mallinfo());
        KernelMemory procDelta = previous == null ? proc : proc.minus(previous.proc());
        return new MemorySnapshot(mallinfo, mallinfoDelta, proc, procDelta,
                mallinfoDelta == null ? null : growth(mallinfoDelta, procDelta));
    }

    /**
     * Names what grew: mmapped bytes (blocks above the mmap threshold) growing at least as much as the heap's in-use
     * bytes is "large blocks"; heap RSS growing while the free bytes in the heap grow by at least half as much as the
     * in-use bytes is fragmentation; else in-use heap bytes growing is "small blocks".
     */
    static String growth(MallocInfo delta, KernelMemory procDelta) {
        if (delta.hblkhd() > 0 && delta.hblkhd() >= delta.uordblks()) {
            return LARGE;
        }
        if (procDelta.heapRssKb() > 0 && delta.fordblks() > 0 && 2 * delta.fordblks() >= delta.uordblks()) {
            return FRAGMENTATION;
        }
        return delta.uordblks() > 0 ? SMALL : NONE;
    }

    /** The value of a memory metric, or null when this reading has none (mallinfo in memcheck mode). */
    public Long value(Metric metric) {
        boolean increase = metric.isIncrease();
        MallocInfo m = increase ? mallinfoDelta : mallinfo;
        KernelMemory p = increase ? procDelta : proc;
        String base = increase ? metric.key().substring("new_".length()) : metric.key();
        return switch (base) {
            case "heap_in_use_bytes" -> m == null ? null : m.uordblks();
            case "mmap_in_use_bytes" -> m == null ? null : m.hblkhd();
            case "heap_free_bytes" -> m == null ? null : m.fordblks();
            case "rss_kb" -> p.rssKb();
            case "rss_minus_shared_kb" -> p.rssMinusSharedKb();
            case "heap_rss_kb" -> p.heapRssKb();
            case "mmap_rss_kb" -> p.mmapRssKb();
            default -> throw new IllegalArgumentException("not a memory metric: " + metric);
        };
    }
}
