package dev.vgharness.plan;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A memory-rate expectation written on the command line, {@code heap_in_use_bytes_per_s<1000} or
 * {@code rss_kb_per_s=<=4}: a growth rate of the process view ({@link Metric#memoryRates()}), then a comparison in
 * the plans' syntax ({@code OP N}; a bare number means equal to, and {@code METRIC=N} reads like {@code METRIC: N}
 * in a plan).
 */
public final class RateExpectationText {

    private static final Pattern TEXT = Pattern.compile("\\s*([a-z_]+)\\s*(?:=(?![=]))?(.*)");

    private RateExpectationText() {
    }

    /** The names that can be given, in report order. */
    public static List<String> names() {
        return Metric.memoryRates().stream().map(Metric::key).toList();
    }

    /** Parses the text; a bad one throws {@link IllegalArgumentException} with a one-line message. */
    public static MetricExpectation parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not METRIC COMPARISON, e.g. "
                    + "heap_in_use_bytes_per_s<1000");
        }
        String key = m.group(1);
        Metric metric = Metric.byKey(key).filter(Metric.memoryRates()::contains)
                .orElseThrow(() -> new IllegalArgumentException("'" + key + "' is not a memory rate; one of "
                        + String.join(", ", names()) + Suggestions.didYouMean(key, names())));
        Comparison comparison = Comparison.parse(m.group(2)).orElseThrow(() -> new IllegalArgumentException(
                "bad comparison '" + m.group(2).strip() + "' for " + key + " (write OP N with OP one of ==, !=, <, <=,"
                        + " >, >=, or a number)"));
        return new MetricExpectation(metric, comparison);
    }
}
