package dev.vgharness.plan;

import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.memcheck.LeakTotals;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.ValgrindXmlParser;
import dev.vgharness.memcheck.ValgrindXmlReport;
import dev.vgharness.vgdb.ExitStatus;
import dev.vgharness.vgdb.StopEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** What a case gathered so far; turned into its result, expectations checked, at the end whatever happened. */
final class CaseState {

    private final LeakHistory history = new LeakHistory();
    private ProcessMemory lastMemory;
    private SampleSeries samples;
    private final List<StopResult> stops = new ArrayList<>();
    private final Map<String, Integer> hits = new LinkedHashMap<>();
    private long pid;
    private ExitInfo exit;
    private String crashSignal;
    private String error;
    private FinalResults finalResults;
    private String stdout;

    synchronized LeakHistory history() {
        return history;
    }

    synchronized void started(long valgrindPid) {
        pid = valgrindPid;
    }

    synchronized int hit(String breakpoint) {
        return hits.merge(breakpoint, 1, Integer::sum);
    }

    synchronized void addStop(StopResult stop) {
        stops.add(stop);
        if (stop.memory() != null) {
            lastMemory = stop.memory();
        }
    }

    synchronized void sampled(SampleSeries series) {
        samples = series;
    }

    /** The process view of the last stop that took one, or null (for the deltas of the next). */
    synchronized ProcessMemory lastMemory() {
        return lastMemory;
    }

    synchronized void signalled(String signal) {
        crashSignal = signal;
    }

    synchronized void exitedAs(StopEvent stop) {
        if (stop.reason().equals("exited-signalled")) {
            exit = ExitInfo.signaled(stop.signal().orElse(crashSignal));
        } else {
            exit = ExitInfo.exited(stop.exitCode().orElse(0));
        }
    }

    /** valgrind's own status, when gdb did not tell (or to confirm a signal). */
    synchronized void exitedAs(Optional<ExitStatus> status) {
        if (exit != null || status.isEmpty()) {
            return;
        }
        ExitStatus s = status.get();
        exit = s.code().isPresent() ? ExitInfo.exited(s.code().getAsInt())
                : ExitInfo.signaled(Signals.name(s.signal().getAsInt()));
    }

    /** The harness ended the target: the sampling span was over while it still ran. */
    synchronized void detached() {
        exit = ExitInfo.detached();
    }

    synchronized void timedOut(Duration timeout) {
        exit = ExitInfo.timeout();
        error = "timed out after " + DurationText.format(timeout) + ": the target was killed (raise 'timeout:' in the"
                + " plan or --timeout)";
    }

    synchronized void fail(String message) {
        if (error == null) {
            error = message;
        }
    }

    synchronized void readFinal(Path xml, Predicate<LossRecord> baseline) {
        if (!Files.exists(xml)) {
            return;
        }
        try (InputStream in = Files.newInputStream(xml)) {
            ValgrindXmlReport report = ValgrindXmlParser.parse(in);
            List<LossRecordResult> records = history.records(report.lossRecords(), baseline);
            // A file cut short (valgrind killed) has no exit-time leak search: no summary rather than zeros.
            LeakSummary summary = report.leakSummary() != null ? report.leakSummary()
                    : report.complete() ? sum(report.lossRecords()) : null;
            finalResults = new FinalResults(summary == null ? null : history.summary(summary), records,
                    report.errors(), report.complete());
        } catch (IOException | RuntimeException e) {
            fail("cannot read valgrind's XML report: " + e.getMessage());
        }
    }

    synchronized void readStdout(Path file) {
        stdout = CaseRunner.read(file);
    }

    /** Before valgrind 3.26 the XML has no leak summary: add the loss records up (nothing is known of suppressed). */
    static LeakSummary sum(List<LossRecord> records) {
        Map<LeakKind, long[]> totals = new LinkedHashMap<>();
        for (LeakKind kind : LeakKind.values()) {
            totals.put(kind, new long[2]);
        }
        for (LossRecord r : records) {
            long[] t = totals.get(r.kind());
            t[0] += r.directBytes();
            t[1] += r.blocks();
        }
        return new LeakSummary(totals(totals.get(LeakKind.DEFINITELY_LOST)), totals(totals.get(LeakKind.INDIRECTLY_LOST)),
                totals(totals.get(LeakKind.POSSIBLY_LOST)), totals(totals.get(LeakKind.STILL_REACHABLE)),
                LeakTotals.ZERO, List.of());
    }

    private static LeakTotals totals(long[] t) {
        return new LeakTotals(t[0], t[1], null, null);
    }

    /** What a case has so far, when the harness itself is stopped (SIGINT, SIGTERM) in the middle of it. */
    synchronized CaseResult interrupted(CaseSpec spec, long durationMs) {
        fail("interrupted: vgharness was stopped while the case ran; this is what it had gathered");
        return result(spec, durationMs);
    }

    synchronized CaseResult result(CaseSpec spec, long durationMs) {
        List<Assertion> assertions = new ArrayList<>();
        if (exit != null && !exit.status().equals("timeout")) {
            assertions.addAll(Expectations.check(spec.expectations(), measured()));
        }
        assertions.addAll(hitAssertions(spec));
        if (error == null && exit != null && exit.signal() != null && !expectsSignal(spec)) {
            error = "the target was killed by " + exit.signal() + " (add 'signal: " + exit.signal()
                    + "' to the case's expect: if that is what it should do)";
        }
        RunStatus status = error != null ? RunStatus.ERROR
                : assertions.stream().allMatch(Assertion::passed) && stops.stream().allMatch(StopResult::passed)
                        ? RunStatus.PASSED : RunStatus.FAILED;
        return new CaseResult(spec.name(), status, error, spec.command(), pid, durationMs, stops, exit, finalResults,
                assertions, stdout, samples);
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
                    && !exit.status().equals("timeout")) {
                assertions.add(Expectations.neverReached(bp));
            }
        }
        return assertions;
    }

    private static boolean expectsSignal(CaseSpec spec) {
        return spec.expectations().stream().anyMatch(e -> e instanceof SignalExpectation);
    }
}
