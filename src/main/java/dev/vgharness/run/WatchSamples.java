package dev.vgharness.run;

import dev.vgharness.result.MemoryRates;
import dev.vgharness.result.WatchSample;
import dev.vgharness.vgdb.MallocInfo;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.ProcReading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The samples of a watch as they are taken: mallinfo2 through gdb (when there is a gdb), /proc always. mallinfo2
 * missing in a sample is counted with gdb's reason, never turned into zeros.
 */
final class WatchSamples {

    private final Duration timeout;
    private final Consumer<WatchSample> listener;
    private final List<WatchSample> samples = new ArrayList<>();
    private int withoutMallinfo;
    private String mallinfoFailure;
    private long startNanos;
    private long stoppedNanos;

    WatchSamples(Duration timeout, Consumer<WatchSample> listener) {
        this.timeout = timeout;
        this.listener = listener;
    }

    /**
     * Calls mallinfo2 once, unrecorded, in the stopped process: the first call makes gdb read libc's symbols, which
     * can take longer than a sample interval and would skew the first sample.
     */
    void warmUp(MiSession gdb) throws MiSessionException {
        try {
            MallocInfo.read(gdb, timeout);
        } catch (MiSessionException.CommandFailed e) {
            failed(e.gdbMessage()); // the samples will say so
        }
    }

    /** Starts the watch's clock (when the process is ready to be watched); returns the nanoTime it starts at. */
    synchronized long begin() {
        startNanos = System.nanoTime();
        return startNanos;
    }

    /**
     * Measures the process now (stopped, when {@code gdb} is given); false when it is gone.
     *
     * @param gdb the session to call mallinfo2 through, or null for /proc only
     * @param breakpoint the location it stopped at, or null for a periodic sample
     */
    boolean take(MiSession gdb, long pid, String breakpoint) throws MiSessionException {
        long atMs;
        synchronized (this) {
            atMs = (System.nanoTime() - startNanos) / 1_000_000;
        }
        MallocInfo mallinfo = null;
        if (gdb != null) {
            try {
                mallinfo = MallocInfo.read(gdb, timeout);
            } catch (MiSessionException.CommandFailed e) {
                failed(e.gdbMessage());
            }
        }
        var proc = ProcReading.read(pid);
        if (proc.isEmpty()) {
            return false;
        }
        WatchSample sample = new WatchSample(atMs, breakpoint, mallinfo, proc.get().memory(), proc.get().sysv());
        synchronized (this) {
            samples.add(sample);
            if (mallinfo == null) {
                withoutMallinfo++;
            }
        }
        listener.accept(sample);
        return true;
    }

    private synchronized void failed(String reason) {
        mallinfoFailure = reason;
    }

    /** Counts time the process spent stopped for the watch. */
    synchronized void stoppedFor(long nanos) {
        stoppedNanos += nanos;
    }

    synchronized long stoppedMs() {
        return stoppedNanos / 1_000_000;
    }

    synchronized List<WatchSample> all() {
        return List.copyOf(samples);
    }

    synchronized MemoryRates rates() {
        return MemoryRates.of(samples.stream().map(s -> new MemoryRates.Point(s.atMs(), s.mallinfo(), s.proc()))
                .toList());
    }

    /** Why samples lack mallinfo2: the given reason (no ptrace), gdb's last refusal, or null when none lacks it. */
    synchronized String mallinfoUnavailable(String noGdbReason) {
        if (noGdbReason != null) {
            return noGdbReason;
        }
        if (withoutMallinfo == 0) {
            return null;
        }
        return "mallinfo2 could not be called in " + withoutMallinfo + " of " + samples.size() + " samples"
                + (mallinfoFailure == null ? "" : ": " + mallinfoFailure);
    }

    synchronized boolean anyMallinfo() {
        return samples.stream().anyMatch(s -> s.mallinfo() != null);
    }

    /** Milliseconds from the first sample to the last. */
    synchronized long spanMs() {
        return samples.size() < 2 ? 0 : samples.get(samples.size() - 1).atMs() - samples.get(0).atMs();
    }
}
