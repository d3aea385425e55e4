package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

import dev.vgharness.plan.Metric;
import java.util.Optional;

/**
 * One checked expectation: {@code {"metric": "new_definitely_lost_bytes", "expected": "<= 24", "actual": 16,
 * "passed": true, "message": null}}.
 *
 * @param actual a number, a signal name, or null when there was nothing to measure
 * @param message why it failed, in words; null when it passed
 */
public record Assertion(String metric, String expected, Object actual, boolean passed, String message) {

    public Assertion {
        requireNonNull(metric, "metric is null");
        requireNonNull(expected, "expected is null");
    }

    /** The metric checked; empty for {@code signal}, which is not a number. */
    public Optional<Metric> metricKind() {
        return Metric.byKey(metric);
    }

    /** {@code new_definitely_lost_bytes: expected <= 24, was 40}. */
    public String describe() {
        return metric + ": expected " + expected + ", was " + actual;
    }
}
