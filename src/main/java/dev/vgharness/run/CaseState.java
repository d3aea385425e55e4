package dev.vgharness.run;

import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.ValgrindXmlParser;
import dev.vgharness.memcheck.ValgrindXmlReport;
import dev.vgharness.plan.BreakpointSpec;
import dev.vgharness.plan.CaseSpec;
import dev.vgharness.plan.DurationText;
import dev.vgharness.plan.Expectation;
import dev.vgharness.plan.Metric;
import dev.vgharness.plan.MetricExpectation;
import dev.vgharness.plan.SignalExpectation;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.ChildProcess;
import dev.vgharness.result.FinalResults;
import dev.vgharness.result.MemorySnapshot;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.SampleSeries;
import dev.vgharness.result.StopResult;
import dev.vgharness.vgdb.ProcessExit;
import dev.vgharness.vgdb.StopEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a case gathered so far; turned into its result, expectations checked, at the end whatever happened. */
final class CaseState {

    /** What raises a case's timeout: the plan's wins over --timeout; the multiplier scales either. */
    private static final String TIMEOUT_HINT = " (raise the case's 'timeout:' in the plan, or --timeout for cases"
            + " without one; --timeout-multiplier N scales every case's)";

    private final LeakCheckSeries leakChecks = new LeakCheckSeries();
    private MemorySnapshot lastMemory;
    private SampleSeries samples;
    private final List<StopResult> stops = new ArrayList<>();
    private final Map<String, Integer> hits = new LinkedHashMap<>();
    private long pid;
    private long ppid;
    private List<String> attachedCommand;
    private CaseExit exit;
    private String crashSignal;
    private String error;
    private FinalResults finalResults;
    private String stdout;
    private final List<String> notes = new ArrayList<>();
    private String stderr;
    private boolean running;
    private final List<String> warnings = new ArrayList<>();

    synchronized LeakCheckSeries leakChecks() {
        return leakChecks;
    }

    synchronized void started(long valgrindPid) {
        pid = valgrindPid;
    }

    /** The case attached to a running process: its pid and its command line (for the report's command). */
    synchronized void attached(long processPid, List<String> command) {
        pid = processPid;
        attachedCommand = List.copyOf(command);
    }

    /** A child process of the case: its pid, its parent and its command (empty when unknown). */
    synchronized void child(long childPid, long parentPid, List<String> command) {
        pid = childPid;
        ppid = parentPid;
        attachedCommand = List.copyOf(command);
    }

    /** Whether the command of a child is still to learn (a forked child, known from its XML file only). */
    synchronized boolean commandUnknown() {
        return attachedCommand == null || attachedCommand.isEmpty();
    }

    synchronized long pid() {
        return pid;
    }

    synchronized int hit(String breakpoint) {
        return hits.merge(breakpoint, 1, Integer::sum);
    }

    /** A stop; an action failure the plan does not allow makes the case an error (the target runs on). */
    synchronized void addStop(StopResult stop) {
        stops.add(stop);
        stop.unallowedFailure().ifPresent(f -> fail("stop " + stop.breakpoint() + "#" + stop.hit() + ": "
                + f.describe() + (f.sessionLost() ? ""
                        : " (if that is expected, say 'allow_failure: true' on the action)")));
        if (stop.memory() != null) {
            lastMemory = stop.memory();
        }
    }

    synchronized void note(String note) {
        notes.add(note);
    }

    synchronized void sampled(SampleSeries series) {
        samples = series;
    }

    /** The process view of the last stop that took one, or null (for the deltas of the next). */
    synchronized MemorySnapshot lastMemory() {
        return lastMemory;
    }

    synchronized void signalled(String signal) {
        crashSignal = signal;
    }

    synchronized void exitedAs(StopEvent stop) {
        if (stop.reason().equals("exited-signalled")) {
            exit = CaseExit.signaled(stop.signal().orElse(crashSignal));
        } else {
            exit = CaseExit.exited(stop.exitCode().orElse(0));
        }
    }

    /** valgrind's own status, when gdb did not tell (or to confirm a signal). */
    synchronized void exitedAs(Optional<ProcessExit> status) {
        if (exit != null || status.isEmpty()) {
            return;
        }
        ProcessExit s = status.get();
        exit = s.code().isPresent() ? CaseExit.exited(s.code().getAsInt())
                : CaseExit.signaled(Signals.name(s.signal().getAsInt()));
    }

    /** The harness ended the target: the sampling span was over while it still ran. */
    synchronized void detached() {
        exit = CaseExit.detached();
    }

    synchronized void timedOut(Duration timeout) {
        exit = CaseExit.timeout();
        error = "timed out after " + DurationText.format(timeout) + ": the target was killed" + TIMEOUT_HINT;
    }

    /** The case's timeout passed while it watched a process it attached to, which was detached, not killed. */
    synchronized void timedOutAttached(Duration timeout) {
        exit = CaseExit.timeout();
        error = "timed out after " + DurationText.format(timeout) + ": the process was detached and left running"
                + TIMEOUT_HINT;
    }

    /** A child still running when the case ended (its Valgrind was killed before it wrote its exit results). */
    synchronized void killedAtEnd() {
        if (exit == null || exit.status() == CaseExit.Status.SIGNALED) {
            exit = CaseExit.timeout();
            fail("still running when the case ended (at its timeout, or when its main process had ended and the"
                    + " timeout passed): killed");
        }
    }

    synchronized void fail(String message) {
        if (error == null) {
            error = message;
        }
    }

    /** The target was let run (the first continue): before that its exit-time results would be of nothing. */
    synchronized void running() {
        running = true;
    }

    /** Valgrind's exit-time results, when the target ran (a case that never started shows no summary of zeros). */
    synchronized void readFinal(Path xml, KnownLeaks known) {
        if (!running || !Files.exists(xml)) {
            return;
        }
        try {
            readFinal(ValgrindXmlParser.parse(xml), known);
        } catch (IOException | RuntimeException e) {
            fail("cannot read valgrind's XML report: " + e.getMessage());
        }
    }

    /**
     * A process's exit-time results as read; for a child without gdb (forked, not exec'd) they also tell how it
     * ended: by its fatal signal, or exited with a code Valgrind does not write.
     */
    synchronized void readFinal(ValgrindXmlReport report, KnownLeaks known) {
        finalResults = leakChecks.finalResults(report, known).withNote(numberingNote(report.lossRecords()));
        if (exit == null && report.fatalSignal() != null) {
            exit = CaseExit.signaled(report.fatalSignal());
        } else if (exit == null && report.complete() && report.states().contains("FINISHED")) {
            exit = new CaseExit(CaseExit.Status.EXITED, null, null);
        }
    }

    /**
     * Valgrind keeps the records of earlier searches whose blocks were freed since, and counts them in "of N" at
     * exit: the plain run of the same program says a smaller N. Said when the case searched at stops or samples.
     */
    private String numberingNote(List<LossRecord> records) {
        long searches = stops.stream().filter(s -> s.leakCheck() != null).count()
                + (samples == null ? 0 : samples.samples().size());
        int of = records.stream().mapToInt(LossRecord::of).max().orElse(0);
        if (searches == 0 || of <= records.size()) {
            return null;
        }
        return "valgrind numbers these loss records 'of " + of + "' while it lists " + records.size() + ": the "
                + (of - records.size()) + " others are suppressed records and records left from the "
                + (searches == 1 ? "leak search" : searches + " leak searches") + " at stops and samples (all their blocks were"
                + " freed since); a run without stops numbers the same records 'of' fewer";
    }

    /** The target's stdout and stderr as captured (capped). */
    synchronized void readOutput(Path stdoutFile, Path stderrFile) {
        stdout = TargetOutput.read(stdoutFile);
        stderr = TargetOutput.read(stderrFile);
    }

    synchronized void warn(String warning) {
        warnings.add(warning);
    }

    /** What a case has so far, when the harness itself is stopped (SIGINT, SIGTERM) in the middle of it. */
    synchronized CaseResult interrupted(CaseSpec spec, long durationMs) {
        return interrupted(spec, durationMs, List.of());
    }

    /** Like {@link #interrupted(CaseSpec, long)}, with the case's child processes as far as they got. */
    synchronized CaseResult interrupted(CaseSpec spec, long durationMs, List<ChildProcess> children) {
        fail("interrupted: vgharness was stopped while the case ran; this is what it had gathered");
        return result(spec, durationMs, children);
    }

    synchronized CaseResult result(CaseSpec spec, long durationMs) {
        return result(spec, durationMs, List.of());
    }

    /**
     * The case's result with its children: a child in error makes the case an error (naming the child) unless the
     * case has one of its own, a child that failed its {@code children: expect} makes it fail.
     */
    synchronized CaseResult result(CaseSpec spec, long durationMs, List<ChildProcess> children) {
        List<Assertion> assertions = new ArrayList<>();
        if (exit != null && exit.status() != CaseExit.Status.TIMEOUT) {
            assertions.addAll(Expectations.check(spec.expectations(), measured()));
        }
        assertions.addAll(hitAssertions(spec));
        if (error == null && exit != null && exit.signal() != null && !expectsSignal(spec.expectations())) {
            error = "the target was killed by " + exit.signal() + " (add 'signal: " + exit.signal()
                    + "' to the case's expect: if that is what it should do)";
        }
        children.stream().filter(c -> c.status() == RunStatus.ERROR).findFirst()
                .ifPresent(c -> fail("child process " + c.describe() + ": " + c.error()));
        RunStatus status = error != null ? RunStatus.ERROR
                : assertions.stream().allMatch(Assertion::passed) && stops.stream().allMatch(StopResult::passed)
                        && children.stream().allMatch(c -> c.status() == RunStatus.PASSED)
                        ? RunStatus.PASSED : RunStatus.FAILED;
        List<String> command = attachedCommand != null ? attachedCommand : spec.command();
        return new CaseResult(spec.name(), status, error, command, pid, durationMs, stops, exit, finalResults,
                assertions, stdout, stderr, samples, warnings, notes, children);
    }

    /** A child's result, {@code expectations} (the case's {@code children: expect:}) checked for it. */
    synchronized ChildProcess childResult(List<Expectation> expectations) {
        List<Assertion> assertions = exit != null && exit.status() != CaseExit.Status.TIMEOUT
                ? Expectations.check(expectations, measured()) : List.of();
        if (error == null && exit != null && exit.signal() != null && !expectsSignal(expectations)) {
            error = "killed by " + exit.signal() + " (add 'signal: " + exit.signal()
                    + "' to the case's children: expect: if that is what it should do)";
        }
        RunStatus status = error != null ? RunStatus.ERROR
                : assertions.stream().allMatch(Assertion::passed) && stops.stream().allMatch(StopResult::passed)
                        ? RunStatus.PASSED : RunStatus.FAILED;
        return new ChildProcess(pid, ppid, attachedCommand == null ? List.of() : attachedCommand, status, error, stops,
                exit, finalResults, assertions);
    }

    private Expectations.Measured measured() {
        Integer code = exit.code();
        Long errors = finalResults == null ? null : finalResults.errorCount();
        return new Expectations.Measured(finalResults == null ? null : finalResults.summary(),
                finalResults == null ? List.of() : finalResults.lossRecords(), errors, code,
                Optional.ofNullable(exit.signal()), null, samples);
    }

    private List<Assertion> hitAssertions(CaseSpec spec) {
        List<Assertion> assertions = new ArrayList<>();
        for (BreakpointSpec bp : spec.breakpoints()) {
            int count = hits.getOrDefault(bp.id(), 0);
            Optional<MetricExpectation> expected = bp.expectations().stream()
                    .filter(e -> e instanceof MetricExpectation m && m.metric() == Metric.HITS)
                    .map(MetricExpectation.class::cast).findFirst();
            if (expected.isPresent()) {
                assertions.add(Expectations.hits(bp, expected.get(), count));
            } else if (count == 0 && !bp.expectations().isEmpty() && exit != null
                    && exit.status() != CaseExit.Status.TIMEOUT) {
                assertions.add(Expectations.neverReached(bp));
            }
        }
        return assertions;
    }

    private static boolean expectsSignal(List<Expectation> expectations) {
        return expectations.stream().anyMatch(e -> e instanceof SignalExpectation);
    }
}
