package dev.vgharness.run;

import dev.vgharness.result.TrimProbe;
import dev.vgharness.vgdb.KernelMemory;
import dev.vgharness.vgdb.MallocInfo;
import dev.vgharness.vgdb.MallocTrim;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.StopEvent;
import java.time.Duration;

/**
 * The trim probe ({@code watch --trim-probe}, the {@code malloc_trim} action): heap RSS and mallinfo2 of the stopped
 * target, {@code malloc_trim(0)}, the same again. It changes the process, so it only runs where the user asked.
 */
final class TrimProbing {

    private TrimProbing() {
    }

    /** Stops the running target (outside malloc) and probes; null when it ended meanwhile. */
    static TrimProbe probeRunning(MiSession gdb, long pid, Duration timeout) throws MiSessionException {
        StopEvent stop = OutsideMalloc.interrupt(gdb, true);
        return stop.isExit() ? null : probeStopped(gdb, pid, timeout);
    }

    /** Probes the stopped target; null when its /proc cannot be read (it is gone). */
    static TrimProbe probeStopped(MiSession gdb, long pid, Duration timeout) throws MiSessionException {
        MallocInfo mallinfoBefore = mallinfo(gdb, timeout);
        var before = KernelMemory.read(pid);
        MallocTrim.call(gdb, 0, timeout);
        var after = KernelMemory.read(pid);
        MallocInfo mallinfoAfter = mallinfo(gdb, timeout);
        if (before.isEmpty() || after.isEmpty()) {
            return null;
        }
        return TrimProbe.of(before.get().heapRssKb(), after.get().heapRssKb(), mallinfoBefore, mallinfoAfter);
    }

    private static MallocInfo mallinfo(MiSession gdb, Duration timeout) throws MiSessionException {
        try {
            return MallocInfo.read(gdb, timeout);
        } catch (MiSessionException.CommandFailed e) {
            return null; // no mallinfo2 in this libc: the RSS still tells what came back
        }
    }
}
