package dev.vgharness.run;

import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.plan.Action;
import dev.vgharness.plan.BlockListAction;
import dev.vgharness.plan.BreakpointSpec;
import dev.vgharness.plan.Expectation;
import dev.vgharness.plan.GdbAction;
import dev.vgharness.plan.MonitorAction;
import dev.vgharness.plan.WhoPointsAtAction;
import dev.vgharness.result.ActionFailure;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.FrameLocals;
import dev.vgharness.result.LeftOut;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * Acts on one breakpoint hit: the actions, the error count, the valgrind process's RSS and its /proc memory split
 * (Valgrind's own memory included: for the trend only), the expectations. An action that fails (a complaint of
 * valgrind, an {@code ^error} of gdb, no answer in time) is recorded at the stop; unless the plan allows its failure,
 * the stop's remaining actions are skipped. The target runs on either way: after a command past its deadline the
 * recorder waits (until the case's deadline) for gdb to answer again, since Valgrind cannot be stopped in the middle
 * of a command and killing it would lose its exit-time results.
 */
final class StopRecorder {

    private final MiSession gdb;
    private final RunOptions options;
    private final LeakCheckSeries leakChecks;
    private final long pid;
    private final MemorySnapshot previous;
    private final long deadline;

    /**
     * @param previous the process view of the case's previous stop, or null at the first
     * @param deadline the case's deadline (nanoTime): how long a late answer is waited for
     */
    StopRecorder(MiSession gdb, RunOptions options, LeakCheckSeries leakChecks, long pid, MemorySnapshot previous,
            long deadline) {
        this.gdb = gdb;
        this.deadline = deadline;
        this.options = options;
        this.leakChecks = leakChecks;
        this.pid = pid;
        this.previous = previous;
    }

    /**
     * Runs the actions and hands the stop to {@code record}, also when gdb stops answering for good (then with what
     * was gathered and the failure, and the exception is thrown on: the session can no longer be trusted).
     */
    void act(BreakpointSpec bp, int hit, StopEvent stop, Consumer<StopResult> record)
            throws MiSessionException, TargetStuck {
        Stop at = new Stop(bp.id(), hit, stop, bp.expectations(), StopReason.BREAKPOINT, null, List.of(), List.of(),
                bp::allowsFailure);
        runActions(at, bp.actions(), record);
    }

    /**
     * At a Memcheck error stop: reads the error ({@code v.info last_error}), the backtrace and the locals of the own
     * frames, then runs {@code on_error}'s actions as at a breakpoint.
     */
    void actAtError(ErrorStopper errors, int number, StopEvent stop, Consumer<StopResult> record)
            throws MiSessionException, TargetStuck, StopFailure {
        MemcheckError error = errors.lastError(gdb);
        List<GdbFrame> frames = GdbCommands.stack(gdb);
        Stop at = new Stop(null, number, stop, errors.spec().expectations(), StopReason.ERROR, error,
                ErrorStopper.backtrace(frames), errors.locals(gdb, stop.threadId(), frames),
                errors.spec()::allowsFailure);
        runActions(at, errors.spec().actions(), record);
    }

    /** What the stop is, before the actions run. */
    private record Stop(String breakpoint, int hit, StopEvent event, List<Expectation> expectations,
            StopReason reason, MemcheckError error, List<StopFrame> backtrace, List<FrameLocals> locals,
            IntPredicate failureAllowed) {
    }

    private void runActions(Stop at, List<Action> steps, Consumer<StopResult> record)
            throws MiSessionException, TargetStuck {
        CaseProgress.stopped(options);
        long start = System.nanoTime();
        // The process view as the stop begins, read beside the actions: /proc/PID/smaps of valgrind is a thousand
        // lines, milliseconds the stop would otherwise wait for; and the leak search's own memory is not in it.
        CompletableFuture<Optional<KernelMemory>> proc = CompletableFuture.supplyAsync(() -> KernelMemory.read(pid));
        ActionRunner actions = new ActionRunner(gdb, options.commandTimeout(), leakChecks, options.knownLeaks(),
                options.transcript());
        List<ActionFailure> failures = new ArrayList<>();
        Long errors = null;
        try {
            boolean goOn = true;
            for (int i = 0; goOn && i < steps.size(); i++) {
                goOn = runAction(actions, at, steps, i, failures);
            }
            errors = goOn ? errorCount(actions, failures) : null;
        } finally {
            record.accept(result(at, actions, errors, start, failures, proc.join()));
        }
    }

    /** Runs one action; false when it failed and the plan does not allow that (the stop's actions end). */
    private boolean runAction(ActionRunner actions, Stop at, List<Action> steps, int index,
            List<ActionFailure> failures)
            throws MiSessionException, TargetStuck {
        Action action = steps.get(index);
        boolean allowed = at.failureAllowed().test(index);
        try {
            actions.run(action);
            return true;
        } catch (StopFailure | MiSessionException.CommandFailed e) {
            String message = e instanceof MiSessionException.CommandFailed f ? f.gdbMessage() : e.getMessage();
            failures.add(new ActionFailure(describe(action), message, allowed));
            return allowed;
        } catch (MiSessionException.Timeout e) {
            awaitLateAnswer(describe(action), e, allowed, failures);
            return allowed;
        } catch (MiSessionException e) {
            failures.add(new ActionFailure(describe(action), e.getMessage()
                    + "; vgharness let the target run to its end without gdb", false, true));
            throw e;
        }
    }

    private Long errorCount(ActionRunner actions, List<ActionFailure> failures)
            throws MiSessionException, TargetStuck {
        String what = "the error count ('v.info n_errs_found')";
        try {
            return actions.errorsFound();
        } catch (StopFailure e) {
            failures.add(new ActionFailure(what, e.getMessage(), false));
        } catch (MiSessionException.Timeout e) {
            awaitLateAnswer(what, e, false, failures);
        }
        return null;
    }

    /**
     * Waits for gdb to answer again after a command past its deadline (Valgrind finishes the command whatever
     * happens), as long as valgrind uses CPU time and the case's deadline is not reached.
     */
    private void awaitLateAnswer(String action, MiSessionException.Timeout late, boolean allowed,
            List<ActionFailure> failures) throws MiSessionException, TargetStuck {
        long waited = System.nanoTime();
        LateAnswer wait = new LateAnswer(gdb, pid, deadline);
        try {
            wait.await();
        } catch (TargetStuck | MiSessionException e) {
            failures.add(new ActionFailure(action, late.getMessage() + "; " + e.getMessage(), false, true));
            throw e;
        }
        failures.add(new ActionFailure(action, late.getMessage() + "; the answer came "
                + (System.nanoTime() - waited) / 1_000_000 + " ms later and was dropped", allowed));
    }

    /** The action as a person would name it: {@code monitor 'leak_chek full'}, {@code block_list}. */
    static String describe(Action action) {
        if (action instanceof MonitorAction m) {
            return "monitor '" + m.command() + "'";
        }
        if (action instanceof GdbAction g) {
            return "gdb '" + g.command() + "'";
        }
        if (action instanceof BlockListAction b && !b.records().isEmpty()) {
            return "block_list of records " + b.records();
        }
        if (action instanceof WhoPointsAtAction w && w.address().isPresent()) {
            return "who_points_at 0x" + Long.toHexString(w.address().getAsLong());
        }
        return action.name();
    }

    private StopResult result(Stop at, ActionRunner actions, Long errors, long start, List<ActionFailure> failures,
            Optional<KernelMemory> proc) {
        // VmRSS from the same read of /proc/PID/status; read alone only when smaps could not be.
        OptionalLong rss = proc.isPresent() ? OptionalLong.of(proc.get().rssKb()) : ProcessTree.rssKb(pid);
        MemorySnapshot memory = proc.map(p -> MemorySnapshot.of(null, p, previous)).orElse(null);
        StopLeakCheck leak = actions.leakCheck();
        List<Assertion> assertions = Expectations.check(at.expectations(), new Expectations.Measured(
                leak == null ? null : leak.summary(), actions.leakRecords(), errors, null,
                Optional.empty(), memory, null));
        // Metrics and expectations count every record; the report keeps those that changed most.
        StopRecords.Kept kept = leak == null ? new StopRecords.Kept(null, Optional.empty())
                : StopRecords.keep(leak, options.stopRecords());
        List<LeftOut> leftOut = new ArrayList<>(actions.leftOut());
        kept.leftOut().ifPresent(l -> leftOut.add(0, l));
        return new StopResult(at.breakpoint(), at.hit(), at.event().threadId(), StopFrame.of(at.event().frame()),
                kept.leakCheck(), actions.blockLists(), actions.pointerSearches(), actions.monitorOutputs(), errors,
                rss.isPresent() ? rss.getAsLong() : null, assertions, actions.gdbOutputs(), actions.transcript(),
                (System.nanoTime() - start) / 1_000_000, memory, at.reason(), at.error(), at.backtrace(),
                at.locals(), null, failures, leftOut, actions.notes(), pid);
    }
}
