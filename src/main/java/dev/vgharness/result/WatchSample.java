package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

import dev.vgharness.vgdb.KernelMemory;
import dev.vgharness.vgdb.MallocInfo;
import dev.vgharness.vgdb.SysvSegment;
import java.util.List;

/**
 * One measurement of a watched process: {@code {"at_ms": 1000, "breakpoint": null, "mallinfo": {...},
 * "proc": {...}, "sysv": [{"key": "0x76672247", "shmid": 1, "size_kb": 65536, "rss_kb": 2560}]}}.
 *
 * @param atMs milliseconds since the watch began (the first sample is taken right after attaching, at 0)
 * @param breakpoint the {@code --break} location it was taken at, or null for a periodic sample
 * @param mallinfo mallinfo2 of the process, or null when it could not be called (no ptrace, no mallinfo2)
 * @param proc /proc/PID/status and smaps
 * @param sysv the SysV shared memory segments mapped, with how much of each is resident
 */
public record WatchSample(long atMs, String breakpoint, MallocInfo mallinfo, KernelMemory proc,
        List<SysvSegment> sysv) {

    public WatchSample {
        requireNonNull(proc, "proc is null");
        sysv = List.copyOf(sysv);
    }
}
