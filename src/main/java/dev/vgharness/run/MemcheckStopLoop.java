package dev.vgharness.run;

import dev.vgharness.plan.BreakpointSpec;
import dev.vgharness.plan.CaseSpec;
import dev.vgharness.vgdb.GdbCommands;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.StopEvent;

/**
 * Continues one process under Valgrind's gdbserver and acts on each stop until it ends: the plan's breakpoints
 * (their actions through {@link StopRecorder}), error stops, samples, and a crash's signal passed on. The same for
 * the case's main process and for each traced child; each gathers into its own {@link CaseState}.
 */
final class MemcheckStopLoop {

    /**
     * The case a process belongs to, and the state its stops go to.
     *
     * @param who how -v names the process in its stop lines: empty for the case's main process, "pid N " for a child
     */
    record Case(CaseSpec spec, RunOptions options, CaseState state, OwnTimes ownTimes, long deadline, String who) {
    }

    private final MiSession gdb;
    private final long pid;
    private final Case at;
    private final Breakpoints breakpoints;
    private final Sampler sampler;
    private final ErrorStopper errorStops;

    /** @param sampler and {@code errorStops} may be null: the case neither samples nor stops at errors. */
    MemcheckStopLoop(MiSession gdb, long pid, Case at, Breakpoints breakpoints, Sampler sampler,
            ErrorStopper errorStops) {
        this.gdb = gdb;
        this.pid = pid;
        this.at = at;
        this.breakpoints = breakpoints;
        this.sampler = sampler;
        this.errorStops = errorStops;
    }

    /** Runs to the process's exit; the breakpoints it never set are not judged here (see {@link Breakpoints}). */
    void run() throws MiSessionException, StopFailure, CaseTimeout, Sampler.SamplingOver, TargetStuck {
        String timed = null;
        while (true) {
            if (timed != null) {
                // Said after the continue was sent, so that the line's time counts the whole stop.
                at.options().traffic().accept(timed);
                timed = null;
            }
            if (errorStops != null) {
                errorStops.arm(gdb);
            }
            GdbCommands.continueRunning(gdb);
            StopEvent stop = Breakpoints.awaitStop(gdb, sampler, at.deadline());
            if (stop.isExit()) {
                at.state().exitedAs(stop);
                return;
            }
            if (stop.isBreakpointHit()) {
                timed = onHit(stop);
            } else if (errorStops != null && errorStops.isErrorStop(gdb, stop)) {
                onError(stop);
            } else if (stop.signal().isPresent() && !stop.signal().get().equals("SIGTRAP")) {
                // A crash: continuing passes the signal on, so valgrind writes its exit report.
                at.state().signalled(stop.signal().get());
            }
        }
    }

    /** Acts on a plan's breakpoint; returns the stop's time line for -v, or null for any other stop. */
    private String onHit(StopEvent stop) throws MiSessionException, TargetStuck {
        OwnTimes.Stop timing = at.ownTimes().stopped(gdb);
        BreakpointSpec bp = breakpoints.hitBy(stop);
        if (bp == null) {
            return null;
        }
        int hit = at.state().hit(bp.id());
        recorder().act(bp, hit, stop, at.state()::addStop);
        breakpoints.retireIfDone(gdb, bp, hit);
        return "[" + at.spec().name() + "] " + at.who() + "stop " + bp.id() + "#" + hit + ": " + timing.end();
    }

    private void onError(StopEvent stop) throws MiSessionException, TargetStuck, StopFailure {
        int number = errorStops.count();
        recorder().actAtError(errorStops, number, stop, at.state()::addStop);
        if (errorStops.exhausted()) {
            at.state().note("on_error: stopped at the first " + number + " errors (max_stops); later errors were"
                    + " counted but did not stop");
        }
    }

    private StopRecorder recorder() {
        CaseState state = at.state();
        return new StopRecorder(gdb, at.options(), state.leakChecks(), pid, state.lastMemory(), at.deadline());
    }
}
