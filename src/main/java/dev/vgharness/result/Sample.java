package dev.vgharness.result;

import dev.vgharness.memcheck.LeakSummary;

/**
 * One periodic sample of a {@code sample:} case: {@code {"at_ms": 2004, "definitely_lost_bytes": 4800,
 * "memory": {...}, "leak_summary": {...}}}.
 *
 * @param atMs milliseconds since sampling began
 * @param definitelyLostBytes from {@code leak_check summary} (memcheck mode), else null
 * @param memory the process view (mallinfo2 in native mode, /proc), or null when it could not be read
 * @param leakSummary every kind of the {@code leak_check summary} (memcheck mode), else null
 */
public record Sample(long atMs, Long definitelyLostBytes, MemorySnapshot memory, LeakSummary leakSummary) {

    /** A sample without a leak summary (native mode). */
    public Sample(long atMs, Long definitelyLostBytes, MemorySnapshot memory) {
        this(atMs, definitelyLostBytes, memory, null);
    }

    /** A number of the leak summary ({@code LeakSummary::suppressed} bytes...), or null without one. */
    public Long leakBytes(java.util.function.Function<LeakSummary, dev.vgharness.memcheck.LeakTotals> kind) {
        return leakSummary == null ? null : kind.apply(leakSummary).bytes();
    }
}
