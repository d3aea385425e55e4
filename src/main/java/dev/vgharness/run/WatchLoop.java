package dev.vgharness.run;

import dev.vgharness.plan.BreakpointSpec;
import dev.vgharness.vgdb.GdbCommands;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.StopEvent;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The sampling of a watched process under gdb: every {@code every} it is interrupted (outside malloc), measured and
 * continued; a breakpoint hit is measured too; any other stop is continued at once, and a SIGINT that was not
 * ours is handed on to the process. Ends when the span is over or a stop is requested (the process left running)
 * or when the process ends.
 */
final class WatchLoop {

    /** How often a wait looks at the stop request. */
    private static final long POLL_NANOS = 100_000_000L;

    private final MiSession gdb;
    private final long pid;
    private final WatchSamples samples;
    private final Breakpoints breakpoints;
    private final BooleanSupplier stopRequested;
    private final long every;
    private final long end;
    private long next;
    /** An interrupt was answered by another stop (a hit, the end): its SIGINT may still come, and is ours. */
    private boolean interruptPending;

    /**
     * @param start when the watch began (nanoTime); samples are due at start + k * every, up to start + span
     * @param span how long to watch, or null for no limit
     */
    WatchLoop(MiSession gdb, long pid, WatchSamples samples, Breakpoints breakpoints, BooleanSupplier stopRequested,
            long start, Duration every, Duration span) {
        this.gdb = gdb;
        this.pid = pid;
        this.samples = samples;
        this.breakpoints = breakpoints;
        this.stopRequested = stopRequested;
        this.every = every.toNanos();
        this.end = span == null ? Long.MAX_VALUE : start + span.toNanos();
        this.next = start;
    }

    /**
     * Samples until the end; returns the target's exit stop when it ended, or null with the target running.
     *
     * @param stopped true when the target is stopped now (just attached): the first sample is taken at once;
     *     false when it runs (just started): the first sample is due after {@code every}
     */
    StopEvent run(boolean stopped) throws MiSessionException {
        if (stopped) {
            long begin = System.nanoTime();
            sampleAndContinue(null);
            samples.stoppedFor(System.nanoTime() - begin);
        } else {
            next += every;
        }
        while (!stopRequested.getAsBoolean() && next <= end) {
            StopEvent stop = awaitStop(Math.min(next - System.nanoTime(), POLL_NANOS));
            if (stop == null && System.nanoTime() >= next) {
                long interrupted = System.nanoTime();
                stop = OutsideMalloc.interrupt(gdb, true);
                if (!stop.isExit() && !stop.isBreakpointHit()) {
                    sampleAndContinue(null);
                    samples.stoppedFor(System.nanoTime() - interrupted);
                    continue;
                }
                interruptPending = true;
            }
            if (stop != null && stop.isExit()) {
                return stop;
            }
            if (stop != null) {
                onStop(stop);
            }
        }
        return null;
    }

    private StopEvent awaitStop(long nanos) throws MiSessionException {
        if (nanos <= 0) {
            return null;
        }
        try {
            return gdb.awaitStop(Duration.ofNanos(nanos));
        } catch (MiSessionException.Timeout e) {
            return null;
        }
    }

    private void onStop(StopEvent stop) throws MiSessionException {
        BreakpointSpec bp = breakpoints.hitBy(stop);
        if (bp != null) {
            long hit = System.nanoTime();
            samples.take(gdb, pid, bp.at());
            GdbCommands.continueRunning(gdb);
            samples.stoppedFor(System.nanoTime() - hit);
        } else if (stop.signal().filter("SIGINT"::equals).isPresent() && !interruptPending) {
            handOnSigint();
        } else {
            if (stop.signal().filter("SIGINT"::equals).isPresent()) {
                interruptPending = false; // the late SIGINT of our own interrupt: kept from the process, as gdb does
            }
            GdbCommands.continueRunning(gdb);
        }
    }

    /**
     * Someone else's SIGINT stopped the process: gdb keeps SIGINT from it ({@code handle SIGINT nopass}, since that
     * is how gdb interrupts it), so it is passed for this one continue, which delivers the signal that stopped it.
     * (The CLI {@code signal SIGINT} would do it too, but runs synchronously and leaves gdb deaf to MI meanwhile.)
     */
    private void handOnSigint() throws MiSessionException {
        gdb.console("handle SIGINT pass", Duration.ofSeconds(30));
        try {
            GdbCommands.continueRunning(gdb);
        } finally {
            gdb.console("handle SIGINT nopass", Duration.ofSeconds(30));
        }
    }

    /** Measures the stopped target, schedules the next sample and lets it run. */
    private void sampleAndContinue(String breakpoint) throws MiSessionException {
        samples.take(gdb, pid, breakpoint);
        long now = System.nanoTime();
        // Keep the samples on the grid start + k * every; a late one skips the slots already past.
        do {
            next += every;
        } while (next < now);
        GdbCommands.continueRunning(gdb);
    }
}
