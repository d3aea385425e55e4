package dev.vgharness.run;

import dev.vgharness.plan.BreakpointSpec;
import dev.vgharness.plan.CaseSpec;
import dev.vgharness.vgdb.Executables;
import dev.vgharness.vgdb.GdbBreakpoint;
import dev.vgharness.vgdb.GdbCommands;
import dev.vgharness.vgdb.GdbFrame;
import dev.vgharness.vgdb.LoadedCode;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.StopEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A case's breakpoints as gdb numbered them, for both runners (under valgrind and native): inserted with their
 * condition and ignore count (pending when their code is not loaded yet, as for a plugin opened with dlopen), found
 * again from a stop, removed once {@code max_hits} hits were acted on, and at the end the ones gdb never set.
 */
final class Breakpoints {

    private final Map<String, BreakpointSpec> byNumber;

    private Breakpoints(Map<String, BreakpointSpec> byNumber) {
        this.byNumber = byNumber;
    }

    /**
     * Inserts every breakpoint; one gdb refuses (a bad condition, a malformed location) is the case's error, naming
     * it. A location no loaded code defines yet is not an error here: gdb sets it when a library defines it.
     */
    static Breakpoints insert(MiSession gdb, List<BreakpointSpec> specs)
            throws MiSessionException, CaseProblem {
        Map<String, BreakpointSpec> byNumber = new LinkedHashMap<>();
        for (BreakpointSpec bp : specs) {
            try {
                GdbBreakpoint inserted = GdbCommands.breakInsert(gdb, bp.at(), bp.condition(), bp.ignore());
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
     * At the end of the case: the breakpoints gdb never set in code (naming the libraries loaded, with "did you mean"
     * from their functions) and the ones it disabled because their condition is not valid where they resolved, as
     * one line; empty when every breakpoint was set. A breakpoint that was set but never hit is left to the
     * {@code hits} rule.
     */
    Optional<String> neverSet(MiSession gdb, CaseSpec spec) {
        return neverSet(gdb, spec, Set.of());
    }

    /** Like {@link #neverSet(MiSession, CaseSpec)}, leaving out the breakpoints another process set ({@code elsewhere}). */
    Optional<String> neverSet(MiSession gdb, CaseSpec spec, Set<String> elsewhere) {
        LoadedCode code = gdb.loadedCode();
        Optional<Path> executable = Executables.find(spec.command().get(0), System.getenv("PATH"), spec.cwd());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, BreakpointSpec> e : byNumber.entrySet()) {
            BreakpointSpec bp = e.getValue();
            if (elsewhere.contains(bp.id())) {
                continue;
            }
            String named = "breakpoint '" + bp.id() + "' at '" + bp.at() + "'";
            Optional<GdbFrame> rejected = code.rejectedAt(e.getKey());
            if (rejected.isPresent()) {
                problems.add(named + ": gdb disabled it at " + where(rejected.get()) + ": its condition '"
                        + bp.condition().orElse("") + "' is not valid there");
            } else if (!code.resolved(e.getKey())) {
                problems.add(named + " was never set: "
                        + UnresolvedLocation.explain(bp.at(), code.pendingBecause(e.getKey()), code.libraries(),
                        executable, spec.cwd()));
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /** The ids of the breakpoints gdb set in this process's code. */
    Set<String> resolvedIds(MiSession gdb) {
        LoadedCode code = gdb.loadedCode();
        Set<String> ids = new java.util.HashSet<>();
        byNumber.forEach((number, bp) -> {
            if (code.resolved(number)) {
                ids.add(bp.id());
            }
        });
        return ids;
    }

    private static String where(GdbFrame f) {
        return f.function() + f.file().flatMap(file -> f.line().map(line -> " (" + file + ":" + line + ")")).orElse("");
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
