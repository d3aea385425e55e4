package dev.vgharness.run;

import java.nio.file.Path;

import dev.vgharness.plan.CaseSpec;

import dev.vgharness.plan.BreakpointSpec;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.MemoryRates;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.TrimProbe;
import dev.vgharness.result.WatchResult;
import dev.vgharness.result.WatchTarget;
import dev.vgharness.result.WatchVerdict;
import dev.vgharness.vgdb.AttachPermission;
import dev.vgharness.vgdb.AttachedTarget;
import dev.vgharness.vgdb.ChildReaper;
import dev.vgharness.vgdb.GdbLaunch;
import dev.vgharness.vgdb.HarnessException;
import dev.vgharness.vgdb.LiveProcess;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.NativeTarget;
import dev.vgharness.vgdb.PrivateDir;
import dev.vgharness.vgdb.StopEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code vgharness watch}: the memory trend of a process without restarting it. A running process ({@code --pid}) is
 * attached with gdb and always left running: detached at the end, on a stop request (Ctrl-C, SIGTERM: the exit hook
 * asks and waits), on every error, and repaired if gdb dies. Without ptrace it is watched through /proc only. A
 * program given after {@code --} is started natively under gdb and ended with the watch.
 */
public final class WatchRunner {

    /** How long the exit hook waits for the loop to detach before it kills gdb and repairs. */
    private static final Duration RELEASE_GRACE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);

    private final WatchRequest request;
    private final Clock clock;
    private final String version;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final List<String> repairs = new ArrayList<>();
    private volatile boolean stopRequested;
    private volatile AttachedTarget attached;
    private WatchSamples samples;
    private WatchTarget target;
    private String procOnlyReason;
    private TrimProbe trimProbe;

    public WatchRunner(WatchRequest request, Clock clock, String version) {
        this.request = request;
        this.clock = clock;
        this.version = version;
    }

    /** Asks the watch to end as at the end of its span (from any thread). */
    public void requestStop() {
        stopRequested = true;
    }

    /** Waits until {@link #run()} has let go of the process; true when it has. */
    public boolean awaitEnd(Duration limit) throws InterruptedException {
        return ended.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Watches until the span is over, a stop is requested or the process ends; the result whatever happened. */
    public WatchResult run() {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        samples = new WatchSamples(request.commandTimeout(), request.onSample());
        target = initialTarget();
        CaseExit exit = null;
        String error = null;
        try (ChildReaper.Release release = ChildReaper.registerRelease(this::releaseAtExit)) {
            exit = request.target() instanceof WatchRequest.Pid p ? watchPid(p.pid())
                    : watchProgram((WatchRequest.Program) request.target());
        } catch (MiSessionException | CaseProblem | HarnessException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            error = "internal error: " + e + " (please report it, with the -v output)";
        } finally {
            ended.countDown();
        }
        if (exit == null && !target.started() && LiveProcess.exists(target.pid())) {
            exit = CaseExit.detached(); // the watch failed, the process runs on
        }
        return result(startedAt, start, exit, error);
    }

    private WatchTarget initialTarget() {
        if (request.target() instanceof WatchRequest.Pid p) {
            return new WatchTarget(p.pid(), LiveProcess.commandLine(p.pid()), false);
        }
        return new WatchTarget(0, ((WatchRequest.Program) request.target()).argv(), true);
    }

    private CaseExit watchPid(long pid) throws MiSessionException, CaseProblem {
        Optional<String> whyNot = request.noPtrace() ? Optional.of("--no-ptrace")
                : AttachPermission.whyNot(pid, AttachPermission.YAMA_SCOPE);
        if (whyNot.isEmpty()) {
            try {
                attached = AttachedTarget.attach(launch(), pid);
            } catch (MiSessionException.CommandFailed e) {
                whyNot = Optional.of("gdb cannot attach: " + e.gdbMessage());
            }
        }
        if (whyNot.isPresent()) {
            procOnlyReason = "not available: watched through /proc only (" + whyNot.get() + ")";
            if (!request.noPtrace()) {
                request.notices().accept("vgharness: cannot attach to " + pid + ": " + whyNot.get()
                        + "; watching /proc only, without mallinfo");
            }
            return watchProc(pid);
        }
        try {
            MiSession gdb = attached.gdb();
            Breakpoints breakpoints = Breakpoints.insert(gdb, breakpointSpecs());
            // The process is running: its code is loaded, so a breakpoint gdb did not set now names no code of it
            // (unless a later dlopen brings it, which a watch of a running service does not wait for).
            Optional<String> unset = breakpoints.neverSet(gdb, attachedSpec(pid));
            if (unset.isPresent()) {
                throw new CaseProblem(unset.get());
            }
            attached.rememberBreakpoints();
            samples.warmUp(gdb);
            return sample(gdb, pid, breakpoints, true);
        } finally {
            repairs.addAll(attached.release());
        }
    }

    private CaseExit watchProgram(WatchRequest.Program program)
            throws MiSessionException, CaseProblem, HarnessException {
        try (PrivateDir capture = PrivateDir.create();
                NativeTarget started = NativeTarget.start(launch().withWorkingDirectory(program.cwd()),
                        program.argv(), Map.of(), Optional.empty(), capture.path())) {
            MiSession gdb = started.gdb();
            Breakpoints breakpoints = Breakpoints.insert(gdb, breakpointSpecs());
            boolean toMain = stopAtMain(gdb);
            started.run();
            long pid = started.pid().orElseThrow(() -> new CaseProblem("the program ended before it could be watched"));
            target = new WatchTarget(pid, program.argv(), true);
            if (toMain) {
                StopEvent atMain = gdb.awaitStop(request.commandTimeout());
                if (atMain.isExit()) {
                    return exitOf(atMain);
                }
                samples.warmUp(gdb);
            }
            return sample(gdb, pid, breakpoints, toMain);
        }
    }

    /** Samples under gdb until the end, then the trim probe if asked for; how the process ended, or detached. */
    private CaseExit sample(MiSession gdb, long pid, Breakpoints breakpoints, boolean stopped)
            throws MiSessionException {
        StopEvent exit = new WatchLoop(gdb, pid, samples, breakpoints, () -> stopRequested, samples.begin(),
                request.every(), request.span().orElse(null)).run(stopped);
        if (exit == null && request.trimProbe()) {
            trimProbe = TrimProbing.probeRunning(gdb, pid, request.commandTimeout());
        }
        return exit == null ? CaseExit.detached() : exitOf(exit);
    }

    /**
     * A temporary breakpoint at {@code main}: the watch starts there, with libc loaded, so that the first sample is
     * taken at once and mallinfo2 can be called in it. False when the program has no {@code main} symbol.
     */
    private static boolean stopAtMain(MiSession gdb) throws MiSessionException {
        try {
            gdb.send("-break-insert -t main");
            return true;
        } catch (MiSessionException.CommandFailed e) {
            return false;
        }
    }

    /** /proc only: a sample at once, then every {@code every}, until the span, a stop request or its end. */
    private CaseExit watchProc(long pid) throws MiSessionException {
        long start = samples.begin();
        long end = request.span().map(s -> start + s.toNanos()).orElse(Long.MAX_VALUE);
        for (long next = start; next <= end && !stopRequested; next += request.every().toNanos()) {
            while (System.nanoTime() < next && !stopRequested) {
                pause(Math.max(1, Math.min(POLL.toMillis(), (next - System.nanoTime()) / 1_000_000)));
            }
            if (!stopRequested && !samples.take(null, pid, null)) {
                return new CaseExit(CaseExit.Status.EXITED, null, null);
            }
        }
        return CaseExit.detached();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while watching", e);
        }
    }

    private List<BreakpointSpec> breakpointSpecs() {
        return request.breaks().stream().map(at -> new BreakpointSpec(at, at, Optional.empty(), 0, Integer.MAX_VALUE,
                List.of(), List.of())).toList();
    }

    private GdbLaunch launch() {
        return GdbLaunch.defaults().withGdb(request.gdb()).withCommandTimeout(request.commandTimeout())
                .withTraffic(request.traffic()).inOwnSession();
    }

    private static CaseExit exitOf(StopEvent stop) {
        return stop.reason().equals("exited-signalled") ? CaseExit.signaled(stop.signal().orElse("?"))
                : CaseExit.exited(stop.exitCode().orElse(0));
    }

    /** At JVM exit (Ctrl-C, SIGTERM): ask the loop to detach; if it does not in time, kill gdb and repair. */
    private void releaseAtExit() {
        requestStop();
        try {
            if (!awaitEnd(RELEASE_GRACE) && attached != null) {
                attached.abandon();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private WatchResult result(Instant startedAt, long start, CaseExit exit, String error) {
        MemoryRates rates = samples.rates();
        List<Assertion> assertions = Expectations.rates(request.expectations(), rates);
        RunStatus status = error != null ? RunStatus.ERROR
                : assertions.stream().allMatch(Assertion::passed) ? RunStatus.PASSED : RunStatus.FAILED;
        return new WatchResult(new RunResult.Tool("vgharness", version), target, status, error, startedAt,
                (System.nanoTime() - start) / 1_000_000, request.every().toMillis(), samples.stoppedMs(), exit,
                samples.mallinfoUnavailable(procOnlyReason), repairs, samples.all(), rates,
                WatchVerdict.of(rates, samples.spanMs(), samples.anyMallinfo()), assertions, trimProbe);
    }

    /** A case for the running process, as {@link Breakpoints#neverSet} names its program. */
    private CaseSpec attachedSpec(long pid) {
        Path exe = Path.of("/proc", Long.toString(pid), "exe");
        String program = exe.toString();
        try {
            program = exe.toRealPath().toString();
        } catch (java.io.IOException e) {
            // Another user's process: its /proc/PID/exe cannot be read; the link's own path still names it.
        }
        return new CaseSpec("watch", List.of(program), Path.of("").toAbsolutePath(), Map.of(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), breakpointSpecs(), List.of());
    }
}
