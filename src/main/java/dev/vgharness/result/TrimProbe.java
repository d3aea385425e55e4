package dev.vgharness.result;

import dev.vgharness.vgdb.MallocInfo;
import java.util.Locale;

/**
 * What {@code malloc_trim(0)} gave back: the brk heap's RSS before and after the call in the stopped process, and
 * mallinfo2 around it. Memory it releases was free inside the heap, held but not in use: fragmentation, not a leak.
 * <pre>
 * "trim_probe": {"released_kb": 748, "heap_rss_kb_before": 892, "heap_rss_kb_after": 144, "mallinfo_before": {...},
 *                "mallinfo_after": {...},
 *                "text": "released 748 kB: the heap held free memory (fragmentation), not a leak"}
 * </pre>
 *
 * @param mallinfoBefore null when mallinfo2 could not be read
 * @param mallinfoAfter null when mallinfo2 could not be read
 */
public record TrimProbe(long releasedKb, long heapRssKbBefore, long heapRssKbAfter, MallocInfo mallinfoBefore,
        MallocInfo mallinfoAfter, String text) {

    /** The probe's numbers and its sentence. */
    public static TrimProbe of(long heapRssKbBefore, long heapRssKbAfter, MallocInfo before, MallocInfo after) {
        long released = heapRssKbBefore - heapRssKbAfter;
        String text = released > 0
                ? String.format(Locale.US, "released %,d kB: the heap held free memory (fragmentation), not a leak",
                        released)
                : "released nothing";
        return new TrimProbe(released, heapRssKbBefore, heapRssKbAfter, before, after, text);
    }
}
