package dev.vgharness.run;

import dev.vgharness.plan.SampleSchedule;
import dev.vgharness.result.MemorySnapshot;
import dev.vgharness.result.Sample;
import dev.vgharness.result.SampleSeries;
import dev.vgharness.vgdb.GdbCommands;
import dev.vgharness.vgdb.GdbFrame;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.StopEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Takes the samples of a {@code sample: {every: 2s, for: 60s}} case while the target runs: waits for a stop until
 * the next sample is due, then interrupts (gdb's {@code -exec-interrupt}; under vgdb the target stops with SIGTRAP,
 * natively with SIGINT), measures, and continues. When the span is over the case ends ({@link SamplingOver}).
 */
final class Sampler {

    /** Measures the stopped target. */
    interface Measure {
        /** @param previous the process view of the previous sample, or null at the first */
        Sample take(long atMs, MemorySnapshot previous) throws MiSessionException, StopFailure;
    }

    /** The sampling span ended with the target still running. */
    static final class SamplingOver extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** Functions that hold malloc's locks: mallinfo2 called while the target is in one of them would deadlock. */
    private static final Set<String> IN_MALLOC = Set.of("malloc", "free", "calloc", "realloc", "_int_malloc",
            "_int_free", "_int_realloc", "sysmalloc", "malloc_consolidate", "__libc_malloc", "__libc_free",
            "__libc_calloc", "__libc_realloc", "tcache_init", "__GI___libc_malloc", "__GI___libc_free");
    private static final int RETRIES = 50;
    private static final Duration INTERRUPT_WAIT = Duration.ofSeconds(5);
    private static final int INTERRUPT_ASKS = 6;

    private final MiSession gdb;
    private final Measure measure;
    private final long every;
    private final long start = System.nanoTime();
    private final long end;
    private final boolean avoidMalloc;
    private final List<Sample> samples = new ArrayList<>();
    private long next;

    /** @param avoidMalloc true in native mode, where mallinfo2 is called in the target */
    Sampler(MiSession gdb, SampleSchedule sampling, Measure measure, boolean avoidMalloc) {
        this.gdb = gdb;
        this.measure = measure;
        this.every = sampling.every().toNanos();
        this.end = start + sampling.span().toNanos();
        this.avoidMalloc = avoidMalloc;
        this.next = start + every;
    }

    SampleSeries series() {
        return SampleSeries.of(every / 1_000_000, samples);
    }

    /**
     * The next stop of the running target that is not a sample: a breakpoint hit, a signal or its end, sampling
     * in between. Throws {@link CaseTimeout} at {@code deadline}, {@link SamplingOver} after the span.
     */
    StopEvent awaitStop(long deadline) throws MiSessionException, StopFailure, CaseTimeout,
            SamplingOver {
        while (true) {
            long now = System.nanoTime();
            long until = Math.min(deadline, Math.min(next, end));
            if (now >= deadline) {
                throw new CaseTimeout();
            }
            try {
                return gdb.awaitStop(Duration.ofNanos(Math.max(until - now, 1_000_000)));
            } catch (MiSessionException.Timeout e) {
                // No stop before the next sample is due (or the span or case is over).
            }
            if (System.nanoTime() >= deadline) {
                throw new CaseTimeout();
            }
            StopEvent stop = interrupt();
            if (stop.isExit() || stop.isBreakpointHit()) {
                return stop;
            }
            samples.add(measure.take((System.nanoTime() - start) / 1_000_000,
                    samples.isEmpty() ? null : samples.get(samples.size() - 1).memory()));
            if (System.nanoTime() >= end) {
                throw new SamplingOver();
            }
            next = Math.max(next + every, System.nanoTime());
            GdbCommands.continueRunning(gdb);
        }
    }

    /** Stops the target, outside malloc when mallinfo2 is to be called (continuing briefly until it is). */
    private StopEvent interrupt() throws MiSessionException {
        for (int attempt = 0; ; attempt++) {
            StopEvent stop = interruptOnce();
            if (stop.isExit() || stop.isBreakpointHit() || !avoidMalloc || attempt >= RETRIES || !inMalloc()) {
                return stop;
            }
            GdbCommands.continueRunning(gdb);
        }
    }

    /**
     * One interrupt and its stop. An interrupt that reaches gdb while it stops internally to load a library can be
     * lost (seen with valgrind 3.27, whose vgpreload_core makes gdb load valgrind-monitor.py then): ask again.
     */
    private StopEvent interruptOnce() throws MiSessionException {
        GdbCommands.interrupt(gdb);
        for (int asked = 1; ; asked++) {
            try {
                return gdb.awaitStop(INTERRUPT_WAIT);
            } catch (MiSessionException.Timeout e) {
                if (asked >= INTERRUPT_ASKS) {
                    throw e;
                }
            }
            try {
                GdbCommands.interrupt(gdb);
            } catch (MiSessionException.CommandFailed stoppedMeanwhile) {
                // the target stopped after all: its *stopped is on its way
            }
        }
    }

    private boolean inMalloc() throws MiSessionException {
        for (GdbFrame frame : GdbCommands.stack(gdb)) {
            if (frame.function() != null && IN_MALLOC.contains(frame.function())) {
                return true;
            }
        }
        return false;
    }
}
