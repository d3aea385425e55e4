package dev.vgharness.run;

import dev.vgharness.plan.Action;
import dev.vgharness.plan.BreakpointSpec;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.MemorySnapshot;
import dev.vgharness.result.StopFrame;
import dev.vgharness.result.StopLeakCheck;
import dev.vgharness.result.StopResult;
import dev.vgharness.vgdb.KernelMemory;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.ProcessTree;
import dev.vgharness.vgdb.StopEvent;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Acts on one breakpoint hit: the actions, the error count, the valgrind process's RSS and its /proc memory split
 * (Valgrind's own memory included: for the trend only), the expectations.
 */
final class StopRecorder {

    private final MiSession gdb;
    private final RunOptions options;
    private final LeakCheckSeries leakChecks;
    private final long pid;
    private final MemorySnapshot previous;

    /** @param previous the process view of the case's previous stop, or null at the first */
    StopRecorder(MiSession gdb, RunOptions options, LeakCheckSeries leakChecks, long pid, MemorySnapshot previous) {
        this.gdb = gdb;
        this.options = options;
        this.leakChecks = leakChecks;
        this.pid = pid;
        this.previous = previous;
    }

    /**
     * Runs the actions and hands the stop to {@code record}, also when an action fails half-way (then with what
     * was gathered before the failure, which is thrown on).
     */
    void act(BreakpointSpec bp, int hit, StopEvent stop, Consumer<StopResult> record)
            throws MiSessionException, StopFailure {
        long start = System.nanoTime();
        ActionRunner actions = new ActionRunner(gdb, options.commandTimeout(), leakChecks, options.baseline());
        Long errors = null;
        try {
            for (Action action : bp.actions()) {
                actions.run(action);
            }
            errors = actions.errorsFound();
        } finally {
            record.accept(result(bp, hit, stop, actions, errors, start));
        }
    }

    private StopResult result(BreakpointSpec bp, int hit, StopEvent stop, ActionRunner actions, Long errors,
            long start) {
        OptionalLong rss = ProcessTree.rssKb(pid);
        MemorySnapshot memory = KernelMemory.read(pid).map(p -> MemorySnapshot.of(null, p, previous)).orElse(null);
        StopLeakCheck leak = actions.leakCheck();
        List<Assertion> assertions = Expectations.check(bp.expectations(), new Expectations.Measured(
                leak == null ? null : leak.summary(), actions.leakRecords(), errors, null,
                Optional.empty(), memory, null));
        return new StopResult(bp.id(), hit, stop.threadId(), StopFrame.of(stop.frame()), leak, actions.blockLists(),
                actions.pointerSearches(), actions.monitorOutputs(), errors, rss.isPresent() ? rss.getAsLong() : null,
                assertions, actions.gdbOutputs(), actions.transcript(), (System.nanoTime() - start) / 1_000_000,
                memory);
    }

}
