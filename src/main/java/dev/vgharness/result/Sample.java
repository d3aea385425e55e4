package dev.vgharness.result;

/**
 * One periodic sample of a {@code sample:} case: {@code {"at_ms": 2004, "definitely_lost_bytes": 4800,
 * "memory": {...}}}.
 *
 * @param atMs milliseconds since sampling began
 * @param definitelyLostBytes from {@code leak_check summary} (memcheck mode), else null
 * @param memory the process view (mallinfo2 in native mode, /proc), or null when it could not be read
 */
public record Sample(long atMs, Long definitelyLostBytes, MemorySnapshot memory) {
}
