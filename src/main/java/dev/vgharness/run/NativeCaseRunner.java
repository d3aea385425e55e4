package dev.vgharness.run;

import dev.vgharness.plan.BreakpointSpec;
import dev.vgharness.plan.CaseSpec;
import dev.vgharness.plan.GdbAction;
import dev.vgharness.plan.MallocTrimAction;
import dev.vgharness.result.ActionFailure;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.CommandOutput;
import dev.vgharness.result.MemorySnapshot;
import dev.vgharness.result.Sample;
import dev.vgharness.result.StopFrame;
import dev.vgharness.result.StopReason;
import dev.vgharness.result.StopResult;
import dev.vgharness.result.TrimProbe;
import dev.vgharness.vgdb.AttachPermission;
import dev.vgharness.vgdb.AttachedTarget;
import dev.vgharness.vgdb.ChildReaper;
import dev.vgharness.vgdb.GdbCommands;
import dev.vgharness.vgdb.GdbLaunch;
import dev.vgharness.vgdb.KernelMemory;
import dev.vgharness.vgdb.LiveProcess;
import dev.vgharness.vgdb.MallocInfo;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.NativeTarget;
import dev.vgharness.vgdb.StopEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a {@code mode: native} case: the target under plain gdb (no valgrind, close to full speed), and at every
 * breakpoint hit the process view ({@link MemorySnapshot}: mallinfo2 called through gdb, /proc/PID/status and smaps)
 * and the {@code gdb:} actions; the Memcheck actions have nothing to ask and are left out. With {@code sample:}
 * the same view is taken periodically ({@link Sampler}). Closing gdb kills the target; the case's timeout ends both.
 * With {@code attach:} the target is a process already running, which is detached and left running instead.
 */
final class NativeCaseRunner extends CaseRunner {

    private long pid;

    NativeCaseRunner(CaseSpec spec, RunOptions options) {
        super(spec, options);
    }

    @Override
    void timedOut() {
        if (spec.attach().isPresent()) {
            state.timedOutAttached(timeout());
        } else {
            super.timedOut();
        }
    }

    @Override
    void runIn(Path capture) throws MiSessionException, CaseProblem, CaseTimeout {
        if (spec.attach().isPresent()) {
            runAttached(AttachedPid.resolve(spec.attach().get()));
            return;
        }
        try (NativeTarget target = NativeTarget.start(nativeGdb(), spec.command(), spec.targetEnvironment(),
                spec.stdin(), capture)) {
            MiSession gdb = target.gdb();
            Breakpoints breakpoints = Breakpoints.insert(gdb, spec.breakpoints());
            target.run();
            pid = target.pid().orElse(0);
            state.started(pid);
            Sampler sampler = spec.sample().map(s -> new Sampler(gdb, s,
                    (at, previous) -> new Sample(at, null, measure(gdb, previous)), true)).orElse(null);
            try {
                stopLoop(gdb, breakpoints, sampler);
            } finally {
                if (sampler != null) {
                    state.sampled(sampler.series());
                }
            }
        }
    }

    /**
     * {@code attach:}: gdb attaches to the running process, which is sampled (continued at once, the first sample
     * after {@code every}) and left running at the end; at JVM exit gdb is killed and what it left repaired.
     */
    private void runAttached(long target) throws MiSessionException, CaseProblem, CaseTimeout {
        Optional<String> whyNot = AttachPermission.whyNot(target, AttachPermission.YAMA_SCOPE);
        if (whyNot.isPresent()) {
            throw new CaseProblem("cannot attach to process " + target + ": " + whyNot.get());
        }
        state.attached(target, LiveProcess.commandLine(target));
        try (AttachedTarget attached = attach(target);
                ChildReaper.Release atExit = ChildReaper.registerRelease(attached::abandon)) {
            pid = target;
            MiSession gdb = attached.gdb();
            Breakpoints breakpoints = Breakpoints.insert(gdb, spec.breakpoints());
            attached.rememberBreakpoints();
            Sampler sampler = new Sampler(gdb, spec.sample().orElseThrow(),
                    (at, previous) -> new Sample(at, null, measure(gdb, previous)), true);
            GdbCommands.continueRunning(gdb);
            try {
                stopLoop(gdb, breakpoints, sampler);
            } finally {
                state.sampled(sampler.series());
            }
        }
    }

    private AttachedTarget attach(long target) throws MiSessionException, CaseProblem {
        try {
            return AttachedTarget.attach(nativeGdb().inOwnSession(), target);
        } catch (MiSessionException.CommandFailed e) {
            throw new CaseProblem("cannot attach to process " + target + ": " + e.gdbMessage());
        }
    }

    private void stopLoop(MiSession gdb, Breakpoints breakpoints, Sampler sampler)
            throws MiSessionException, CaseTimeout {
        try {
            StopEvent stop = Breakpoints.awaitStop(gdb, sampler, deadline);
            while (!stop.isExit()) {
                onStop(gdb, stop, breakpoints);
                GdbCommands.continueRunning(gdb);
                stop = Breakpoints.awaitStop(gdb, sampler, deadline);
            }
            state.exitedAs(stop);
            breakpoints.neverSet(gdb, spec).ifPresent(state::fail);
        } catch (Sampler.SamplingOver e) {
            state.detached();
        } catch (StopFailure e) {
            throw new IllegalStateException("no monitor command runs in native mode", e);
        }
    }

    private GdbLaunch nativeGdb() {
        return gdbLaunch().withWorkingDirectory(spec.cwd());
    }

    private void onStop(MiSession gdb, StopEvent stop, Breakpoints breakpoints) throws MiSessionException {
        BreakpointSpec bp = breakpoints.hitBy(stop);
        if (bp == null) {
            stop.signal().filter(s -> !s.equals("SIGTRAP")).ifPresent(state::signalled);
            return;
        }
        long start = System.nanoTime();
        int hit = state.hit(bp.id());
        MemorySnapshot memory = measure(gdb, state.lastMemory());
        List<CommandOutput> gdbOutputs = new ArrayList<>();
        List<ActionFailure> failures = new ArrayList<>();
        boolean goOn = gdbActions(gdb, bp, gdbOutputs, failures);
        TrimProbe trim = goOn && bp.actions().stream().anyMatch(a -> a instanceof MallocTrimAction)
                ? TrimProbing.probeStopped(gdb, pid, options.commandTimeout()) : null;
        List<Assertion> assertions = Expectations.check(bp.expectations(),
                new Expectations.Measured(null, List.of(), null, null, Optional.empty(), memory, null));
        state.addStop(new StopResult(bp.id(), hit, stop.threadId(), StopFrame.of(stop.frame()), null, List.of(),
                List.of(), List.of(), null, memory == null ? null : memory.proc().rssKb(), assertions, gdbOutputs,
                List.of(), (System.nanoTime() - start) / 1_000_000, memory, StopReason.BREAKPOINT, null, List.of(),
                List.of(), trim, failures, List.of(), List.of(), pid));
        breakpoints.retireIfDone(gdb, bp, hit);
    }

    /** mallinfo2 and /proc now; mallinfo is null when the target's libc has no mallinfo2 (musl, static). */
    private MemorySnapshot measure(MiSession gdb, MemorySnapshot previous) throws MiSessionException {
        MallocInfo mallinfo = null;
        try {
            mallinfo = MallocInfo.read(gdb, options.commandTimeout());
        } catch (MiSessionException.CommandFailed e) {
            // No mallinfo2 in the target's libc: the /proc numbers still tell the trend.
        }
        Optional<KernelMemory> proc = KernelMemory.read(pid);
        return proc.isEmpty() ? null : MemorySnapshot.of(mallinfo, proc.get(), previous);
    }

    /**
     * The {@code gdb:} actions; one gdb refuses is recorded and, unless allowed to fail, ends the stop's actions
     * (false then).
     */
    private boolean gdbActions(MiSession gdb, BreakpointSpec bp, List<CommandOutput> outputs,
            List<ActionFailure> failures) throws MiSessionException {
        for (int i = 0; i < bp.actions().size(); i++) {
            if (bp.actions().get(i) instanceof GdbAction g) {
                long start = System.nanoTime();
                try {
                    String text = gdb.console(g.command(), options.commandTimeout());
                    outputs.add(new CommandOutput(g.command(), text, (System.nanoTime() - start) / 1_000_000));
                } catch (MiSessionException.CommandFailed e) {
                    failures.add(new ActionFailure(StopRecorder.describe(g), e.gdbMessage(), bp.allowsFailure(i)));
                    if (!bp.allowsFailure(i)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
