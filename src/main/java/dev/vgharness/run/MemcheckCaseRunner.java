package dev.vgharness.run;

import dev.vgharness.plan.CaseSpec;
import dev.vgharness.plan.LeakCheckAction;
import dev.vgharness.plan.Metric;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.MemorySnapshot;
import dev.vgharness.result.Sample;
import dev.vgharness.result.StopLeakCheck;
import dev.vgharness.vgdb.GdbLaunch;
import dev.vgharness.vgdb.KernelMemory;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.ProcessExit;
import dev.vgharness.vgdb.ValgrindLaunch;
import dev.vgharness.vgdb.ValgrindProcess;
import dev.vgharness.vgdb.VgdbTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one case: valgrind with its gdbserver, gdb attached through vgdb, the breakpoints, the actions at every hit,
 * to the end of the target; then valgrind's exit-time results from its XML file and the case's expectations.
 * A case that nothing stops (no breakpoints, no sampling; error stops are always off) runs valgrind alone, without
 * gdb or vgdb: the same exit-time results, at the cost of plain valgrind. Whatever fails, what was gathered until
 * then is kept in the result.
 */
final class MemcheckCaseRunner extends CaseRunner {

    private static final Duration READY = Duration.ofSeconds(30);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(20);

    private final OwnTimes ownTimes;
    private final ProcessFamily family = new ProcessFamily();

    MemcheckCaseRunner(CaseSpec spec, RunOptions options, OwnTimes ownTimes) {
        super(spec, options);
        this.ownTimes = ownTimes;
    }

    @Override
    void runIn(Path capture) throws MiSessionException, StopFailure, CaseProblem, CaseTimeout, TargetStuck {
        if (spec.valgrindOptions().contains("--child-silent-after-fork=yes")) {
            state.note("--child-silent-after-fork=yes: Valgrind writes nothing for a forked child that does not exec,"
                    + " so such children are not in the report");
        }
        if (needsGdb(spec)) {
            runTarget(capture);
        } else {
            runValgrindAlone(capture);
        }
    }

    @Override
    void finish(Path capture) {
        state.readFinal(ProcessFamily.xmlFile(capture, state.pid()), options.knownLeaks());
        family.readFinals(capture, state.pid(), options.knownLeaks());
        List<Long> untraced = family.outOfValgrind();
        if (!untraced.isEmpty()) {
            state.note("child process" + (untraced.size() == 1 ? " " : "es ") + untraced.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", ")) + " exec'd a program Valgrind does not follow"
                    + " (without --trace-children=yes, or named by --trace-children-skip): not reported");
        }
    }

    /** As far as it got, with the children seen so far (their exit-time files are not written yet). */
    @Override
    public CaseResult partial() {
        return state.interrupted(spec, elapsedMs(), family.results(spec.childExpectations()));
    }

    @Override
    void timedOut() {
        super.timedOut();
        family.caseTimedOut();
    }

    @Override
    CaseResult result(long durationMs) {
        return state.result(spec, durationMs, family.results(spec.childExpectations()));
    }

    /** Whether anything would stop the target: breakpoints, sampling or error stops. */
    static boolean needsGdb(CaseSpec spec) {
        return !spec.breakpoints().isEmpty() || spec.sample().isPresent() || spec.onError().isPresent();
    }

    /** Valgrind alone (--vgdb=no) to the end: the exit status is valgrind's, which passes on the program's. */
    private void runValgrindAlone(Path capture) throws CaseTimeout {
        try (ValgrindProcess valgrind = ValgrindProcess.start(launch(capture).withoutGdbserver())) {
            state.started(valgrind.pid());
            state.running();
            ownTimes.ranWithoutGdb();
            options.traffic().accept("[" + spec.name() + "] valgrind alone (pid " + valgrind.pid()
                    + "): nothing stops this case, so no gdb");
            Optional<ProcessExit> status = valgrind.waitFor(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (status.isEmpty()) {
                throw new CaseTimeout();
            }
            state.exitedAs(status);
            awaitOtherProcesses(valgrind);
        }
    }

    private void runTarget(Path capture) throws MiSessionException, StopFailure, CaseProblem,
            CaseTimeout, TargetStuck {
        try (VgdbTarget target = VgdbTarget.start(launch(capture), memcheckGdb(), options.commandTimeout())) {
            state.started(target.valgrind().pid());
            MiSession gdb = target.gdb();
            Breakpoints breakpoints = Breakpoints.insert(gdb, spec.breakpoints());
            spec.breakpoints().forEach(bp -> AllocatorBreakpoints.warning(bp).ifPresent(state::warn));
            MemcheckStopLoop.Case main = new MemcheckStopLoop.Case(spec, options, state, ownTimes, deadline, "");
            try (TracedChildren traced = spec.tracesChildren()
                    ? TracedChildren.watch(target.valgrind(), main, gdbLaunch(), family) : null) {
                runMain(target, main, breakpoints, traced);
            }
        }
    }

    /** The main process's stops to its end; then its traced children's, which may outlive it. */
    private void runMain(VgdbTarget target, MemcheckStopLoop.Case main, Breakpoints breakpoints,
            TracedChildren traced) throws MiSessionException, StopFailure, CaseTimeout, TargetStuck {
        MiSession gdb = target.gdb();
        long pid = target.valgrind().pid();
        Sampler sampler = sampler(gdb, pid);
        ErrorStopper errorStops = spec.onError().map(e -> new ErrorStopper(e, options.commandTimeout())).orElse(null);
        state.running();
        try {
            new MemcheckStopLoop(gdb, pid, main, breakpoints, sampler, errorStops).run();
            if (traced != null) {
                traced.awaitEnd();
            }
            breakpoints.neverSet(gdb, spec, traced == null ? Set.of() : traced.resolvedBreakpoints())
                    .ifPresent(state::fail);
        } catch (Sampler.SamplingOver e) {
            state.detached();
            return; // closing the target ends valgrind, which would run on
        } catch (MiSessionException e) {
            state.fail(e.getMessage() + "; vgharness let the target run to its end without gdb");
            runToEndWithoutGdb(target);
            return;
        } finally {
            if (sampler != null) {
                state.sampled(sampler.series());
            }
        }
        // gdb's exit and valgrind's exit-time report need nothing of each other: wait for both at once.
        CompletableFuture<Void> gdbClosed = CompletableFuture.runAsync(gdb::close);
        Optional<ProcessExit> status = target.valgrind().waitFor(EXIT_WAIT);
        gdbClosed.join();
        state.exitedAs(status);
        awaitOtherProcesses(target.valgrind());
    }

    /** The case's sampler, or null when it does not sample. */
    private Sampler sampler(MiSession gdb, long pid) {
        return spec.sample().map(s -> new Sampler(gdb, s, (at, previous) -> sample(gdb, pid, at, previous), false))
                .orElse(null);
    }

    /**
     * Children that outlive the main process (forked workers, a daemon) end by themselves until the case's
     * deadline; closing the target then kills the rest, which are reported as killed.
     */
    private void awaitOtherProcesses(ValgrindProcess valgrind) {
        family.killedAtEnd(valgrind.awaitGroupEnd(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
    }

    /**
     * gdb stopped answering (a monitor command past its deadline) or died: ending gdb and vgdb makes valgrind reset
     * its output to the log and run on without breakpoints, so the target ends by itself and valgrind writes its
     * exit-time results. Killing it instead would lose them.
     */
    private void runToEndWithoutGdb(VgdbTarget target) throws CaseTimeout {
        target.gdb().close();
        long left = deadline - System.nanoTime();
        Optional<ProcessExit> status = left > 0 ? target.valgrind().waitFor(Duration.ofNanos(left)) : Optional.empty();
        if (status.isEmpty()) {
            throw new CaseTimeout();
        }
        state.exitedAs(status);
    }

    /** One sample under Memcheck: {@code leak_check summary} and the valgrind process's /proc memory. */
    private Sample sample(MiSession gdb, long pid, long atMs, MemorySnapshot previous)
            throws MiSessionException, StopFailure {
        ActionRunner actions = new ActionRunner(gdb, options.commandTimeout(), state.leakChecks(), options.knownLeaks(),
                false);
        actions.run(sampleCheck());
        StopLeakCheck leak = actions.leakCheck();
        Long lost = leak == null ? null
                : LeakMetrics.value(Metric.DEFINITELY_LOST_BYTES, leak.summary(), actions.leakRecords());
        MemorySnapshot memory = KernelMemory.read(pid).map(p -> MemorySnapshot.of(null, p, previous)).orElse(null);
        return new Sample(atMs, lost, memory, leak == null ? null : leak.summary());
    }

    /** The leak check of a sample: the summary of the plan's default check. */
    static LeakCheckAction sampleCheck() {
        LeakCheckAction defaults = LeakCheckAction.defaults();
        return new LeakCheckAction(LeakCheckAction.Mode.SUMMARY, defaults.kinds(), defaults.delta(),
                java.util.OptionalInt.empty(), defaults.heuristics());
    }

    private ValgrindLaunch launch(Path capture) {
        List<String> valgrindOptions = new ArrayList<>(List.of("--xml=yes", "--xml-file=" + capture.resolve(ProcessFamily.XML_FILES),
                "--leak-check=full", "--show-leak-kinds=all"));
        valgrindOptions.addAll(spec.valgrindOptions());
        spec.suppressions().forEach(s -> valgrindOptions.add("--suppressions=" + s));
        ValgrindLaunch launch = ValgrindLaunch.of(spec.command(), capture).withValgrind(options.valgrind())
                .withOptions(valgrindOptions).withCwd(spec.cwd()).withEnvironment(spec.env())
                .withTimeouts(READY, timeout().plus(Duration.ofSeconds(30)));
        return spec.stdin().map(launch::withStdin).orElse(launch);
    }

    private GdbLaunch memcheckGdb() {
        Path program = Path.of(spec.command().get(0));
        return Files.isRegularFile(program) ? gdbLaunch().withProgram(program) : gdbLaunch();
    }
}
