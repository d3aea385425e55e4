package dev.vgharness.run;

import dev.vgharness.plan.BreakpointSpec;
import dev.vgharness.vgdb.GdbBreakpoint;
import dev.vgharness.vgdb.GdbCommands;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.StopEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A case's breakpoints as gdb numbered them, for both runners (under valgrind and native): inserted with their
 * condition and ignore count, found again from a stop, and removed once {@code max_hits} hits were acted on.
 */
final class Breakpoints {

    private final Map<String, BreakpointSpec> byNumber;

    private Breakpoints(Map<String, BreakpointSpec> byNumber) {
        this.byNumber = byNumber;
    }

    /** Inserts every breakpoint; a location gdb cannot resolve is the case's error, naming it. */
    static Breakpoints insert(MiSession gdb, List<BreakpointSpec> specs)
            throws MiSessionException, CaseProblem {
        Map<String, BreakpointSpec> byNumber = new HashMap<>();
        for (BreakpointSpec bp : specs) {
            try {
                GdbBreakpoint inserted = GdbCommands.breakInsert(gdb, bp.at(), bp.condition(), bp.ignore(), false);
                byNumber.put(inserted.number(), bp);
            } catch (MiSessionException.CommandFailed e) {
                throw new CaseProblem("breakpoint '" + bp.id() + "' at '" + bp.at()
                        + "': gdb cannot set it: " + e.gdbMessage());
            }
        }
        return new Breakpoints(byNumber);
    }

    /** The plan's breakpoint a stop hit, or null for any other stop. */
    BreakpointSpec hitBy(StopEvent stop) {
        return stop.isBreakpointHit() ? byNumber.get(Integer.toString(stop.breakpoint())) : null;
    }

    /** Removes the breakpoint from gdb when this was the last hit to act on. */
    void retireIfDone(MiSession gdb, BreakpointSpec bp, int hit) throws MiSessionException {
        if (hit < bp.maxHits()) {
            return;
        }
        for (Map.Entry<String, BreakpointSpec> e : byNumber.entrySet()) {
            if (e.getValue() == bp) {
                GdbCommands.breakDelete(gdb, e.getKey());
            }
        }
    }

    /**
     * The next stop before the case's deadline (nanoTime), through the sampler when the case samples.
     */
    static StopEvent awaitStop(MiSession gdb, Sampler sampler, long deadline) throws MiSessionException,
            CaseTimeout, StopFailure, Sampler.SamplingOver {
        if (sampler != null) {
            return sampler.awaitStop(deadline);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new CaseTimeout();
        }
        try {
            return gdb.awaitStop(Duration.ofNanos(left));
        } catch (MiSessionException.Timeout e) {
            throw new CaseTimeout();
        }
    }
}
