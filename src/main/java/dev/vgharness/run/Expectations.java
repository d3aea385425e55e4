package dev.vgharness.run;

import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.plan.BreakpointSpec;
import dev.vgharness.plan.ExitCodeExpectation;
import dev.vgharness.plan.Expectation;
import dev.vgharness.plan.Metric;
import dev.vgharness.plan.MetricExpectation;
import dev.vgharness.plan.SignalExpectation;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.MemoryRates;
import dev.vgharness.result.MemorySnapshot;
import dev.vgharness.result.Rate;
import dev.vgharness.result.SampleSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks {@code expect:} blocks against what a stop or a case measured. */
final class Expectations {

    private Expectations() {
    }

    /** What there is to compare with; a null summary means no leak check ran. */
    record Measured(LeakSummary summary, List<LossRecordResult> records, Long errors, Integer exitCode,
            Optional<String> signal, MemorySnapshot memory, SampleSeries samples) {
    }

    static List<Assertion> check(List<Expectation> expectations, Measured measured) {
        List<Assertion> assertions = new ArrayList<>(expectations.size());
        for (Expectation e : expectations) {
            if (e instanceof MetricExpectation m && m.metric() == Metric.HITS) {
                continue; // checked once at the end of the case
            }
            if (e instanceof MetricExpectation m) {
                assertions.add(metric(m, actual(m.metric(), measured)));
            } else if (e instanceof ExitCodeExpectation x) {
                exitCode(x, measured).ifPresent(assertions::add);
            } else if (e instanceof SignalExpectation s) {
                String actual = measured.signal().orElse(null);
                boolean passed = s.test(measured.signal());
                assertions.add(new Assertion("signal", s.expected(), actual, passed,
                        passed ? null : "signal: expected " + s.expected() + ", was " + actual));
            }
        }
        return assertions;
    }

    /** Nothing when the target was killed by a signal: that is for the {@code signal} expectation to say. */
    private static Optional<Assertion> exitCode(ExitCodeExpectation x, Measured measured) {
        Integer code = measured.exitCode();
        if (code == null && measured.signal().isPresent()) {
            return Optional.empty();
        }
        if (code == null) {
            return Optional.of(new Assertion(x.key(), x.expected(), null, false,
                    x.key() + ": expected " + x.expected() + ", but nothing measured it"));
        }
        boolean passed = x.test(code);
        return Optional.of(new Assertion(x.key(), x.expected(), (long) code, passed,
                passed ? null : x.key() + ": expected " + x.expected() + ", was " + code));
    }

    /** Rate expectations ({@code vgharness watch --expect}) against the rates of a watch. */
    static List<Assertion> rates(List<MetricExpectation> expectations, MemoryRates rates) {
        List<Assertion> assertions = new ArrayList<>(expectations.size());
        for (MetricExpectation m : expectations) {
            assertions.add(metric(m, rates.rate(m.metric()).map(Rate::rounded).orElse(null)));
        }
        return assertions;
    }

    /** {@code hits}, checked once at the end of the case. */
    static Assertion hits(BreakpointSpec breakpoint, MetricExpectation expectation, int hits) {
        Assertion a = metric(expectation, (long) hits);
        return a.passed() ? a : new Assertion(a.metric(), a.expected(), a.actual(), false,
                "breakpoint '" + breakpoint.id() + "' at " + breakpoint.at() + ": " + a.message());
    }

    /** A breakpoint with expectations that was never reached fails its case, unless {@code hits} allows 0. */
    static Assertion neverReached(BreakpointSpec breakpoint) {
        return new Assertion("hits", ">= 1", 0L, false, "breakpoint '" + breakpoint.id() + "' at " + breakpoint.at()
                + " has expectations but was never reached");
    }

    private static Assertion metric(MetricExpectation m, Long actual) {
        if (actual == null) {
            return new Assertion(m.key(), m.expected(), null, false,
                    m.key() + ": expected " + m.expected() + ", but nothing measured it");
        }
        boolean passed = m.test(actual);
        return new Assertion(m.key(), m.expected(), actual, passed,
                passed ? null : m.key() + ": expected " + m.expected() + ", was " + actual);
    }

    private static Long actual(Metric metric, Measured measured) {
        return switch (metric) {
            case ERRORS -> measured.errors();
            case EXIT_CODE -> measured.exitCode() == null ? null : (long) measured.exitCode();
            case HITS -> null;
            default -> metric.isRate() ? (measured.samples() == null ? null : measured.samples().value(metric))
                    : metric.isMemory() ? (measured.memory() == null ? null : measured.memory().value(metric))
                    : measured.summary() == null ? null
                    : LeakMetrics.value(metric, measured.summary(), measured.records());
        };
    }
}
