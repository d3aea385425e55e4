package dev.vgharness.plan;

import static java.util.Objects.requireNonNull;

/** A numeric expectation such as {@code possibly_lost_blocks: "<= 2"}. */
public record MetricExpectation(Metric metric, Comparison comparison) implements Expectation {

    public MetricExpectation {
        requireNonNull(metric, "metric is null");
        requireNonNull(comparison, "comparison is null");
    }

    public boolean test(long actual) {
        return comparison.test(actual);
    }

    @Override
    public String key() {
        return metric.key();
    }

    @Override
    public String expected() {
        return comparison.toString();
    }
}
