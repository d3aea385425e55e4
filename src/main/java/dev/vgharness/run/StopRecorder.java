package dev.vgharness.run;

import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.plan.Action;
import dev.vgharness.plan.BreakpointSpec;
import dev.vgharness.plan.Expectation;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.FrameLocals;
import dev.vgharness.result.MemorySnapshot;
import dev.vgharness.result.StopFrame;
import dev.vgharness.result.StopLeakCheck;
import dev.vgharness.result.StopReason;
import dev.vgharness.result.StopResult;
import dev.vgharness.vgdb.GdbCommands;
import dev.vgharness.vgdb.GdbFrame;
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
        Stop at = new Stop(bp.id(), hit, stop, bp.expectations(), StopReason.BREAKPOINT, null, List.of(), List.of());
        runActions(at, bp.actions(), record);
    }

    /**
     * At a Memcheck error stop: reads the error ({@code v.info last_error}), the backtrace and the locals of the own
     * frames, then runs {@code on_error}'s actions as at a breakpoint.
     */
    void actAtError(ErrorStopper errors, int number, StopEvent stop, Consumer<StopResult> record)
            throws MiSessionException, StopFailure {
        MemcheckError error = errors.lastError(gdb);
        List<GdbFrame> frames = GdbCommands.stack(gdb);
        Stop at = new Stop(null, number, stop, errors.spec().expectations(), StopReason.ERROR, error,
                ErrorStopper.backtrace(frames), errors.locals(gdb, stop.threadId(), frames));
        runActions(at, errors.spec().actions(), record);
    }

    /** What the stop is, before the actions run. */
    private record Stop(String breakpoint, int hit, StopEvent event, List<Expectation> expectations,
            StopReason reason, MemcheckError error, List<StopFrame> backtrace, List<FrameLocals> locals) {
    }

    private void runActions(Stop at, List<Action> steps, Consumer<StopResult> record)
            throws MiSessionException, StopFailure {
        long start = System.nanoTime();
        ActionRunner actions = new ActionRunner(gdb, options.commandTimeout(), leakChecks, options.knownLeaks());
        Long errors = null;
        try {
            for (Action action : steps) {
                actions.run(action);
            }
            errors = actions.errorsFound();
        } finally {
            record.accept(result(at, actions, errors, start));
        }
    }

    private StopResult result(Stop at, ActionRunner actions, Long errors, long start) {
        Optional<KernelMemory> proc = KernelMemory.read(pid);
        // VmRSS from the same read of /proc/PID/status; read alone only when smaps could not be.
        OptionalLong rss = proc.isPresent() ? OptionalLong.of(proc.get().rssKb()) : ProcessTree.rssKb(pid);
        MemorySnapshot memory = proc.map(p -> MemorySnapshot.of(null, p, previous)).orElse(null);
        StopLeakCheck leak = actions.leakCheck();
        List<Assertion> assertions = Expectations.check(at.expectations(), new Expectations.Measured(
                leak == null ? null : leak.summary(), actions.leakRecords(), errors, null,
                Optional.empty(), memory, null));
        return new StopResult(at.breakpoint(), at.hit(), at.event().threadId(), StopFrame.of(at.event().frame()), leak,
                actions.blockLists(), actions.pointerSearches(), actions.monitorOutputs(), errors,
                rss.isPresent() ? rss.getAsLong() : null, assertions, actions.gdbOutputs(), actions.transcript(),
                (System.nanoTime() - start) / 1_000_000, memory, at.reason(), at.error(), at.backtrace(),
                at.locals(), null);
    }

}
