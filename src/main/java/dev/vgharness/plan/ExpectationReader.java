package dev.vgharness.plan;

import dev.vgharness.plan.YamlNode.Entry;
import dev.vgharness.plan.YamlNode.Kind;
import dev.vgharness.plan.YamlNode.YamlMap;
import dev.vgharness.plan.YamlNode.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an {@code expect:} map, e.g. {@code {errors: 0, possibly_lost_blocks: "<= 2", signal: null}}, into
 * expectations keyed by metric name in file order. Checks the metric names, where each may be used, and the
 * comparisons.
 */
final class ExpectationReader {

    private static final String SIGNAL = "signal";
    private static final Pattern SIGNAL_NAME = Pattern.compile("SIG[A-Z0-9+]+");
    private static final List<String> NAMES = names();

    private final Values values;

    ExpectationReader(Values values) {
        this.values = values;
    }

    /** Where an {@code expect:} block sits: at a case (checked at exit) or at a breakpoint (checked per hit). */
    enum Scope { CASE, BREAKPOINT }

    /**
     * @param context how messages name the block's owner, e.g. {@code case 'growth'}
     */
    Map<String, Expectation> read(YamlNode node, String context, Scope scope) {
        Map<String, Expectation> expectations = new LinkedHashMap<>();
        Optional<YamlMap> map = values.map(node, "'expect' in " + context);
        for (Entry entry : map.map(YamlMap::entries).orElse(List.of())) {
            expectation(entry, "expect of " + context, scope).ifPresent(e -> expectations.put(entry.key(), e));
        }
        return expectations;
    }

    private Optional<Expectation> expectation(Entry entry, String where, Scope scope) {
        String key = entry.key();
        if (key.equals(SIGNAL)) {
            return scope == Scope.CASE ? signal(entry.value(), where) : misplaced(entry, where, "a case's");
        }
        Optional<Metric> metric = Metric.byKey(key);
        if (metric.isEmpty()) {
            values.problems().add(entry.keyLocation(),
                    "unknown metric '" + key + "' in " + where + Suggestions.didYouMean(key, NAMES));
            return Optional.empty();
        }
        if (scope == Scope.CASE && !metric.get().allowedAtCase()) {
            return misplaced(entry, where, "a breakpoint's");
        }
        if (scope == Scope.BREAKPOINT && !metric.get().allowedAtBreakpoint()) {
            return misplaced(entry, where, "a case's");
        }
        return comparison(entry.value(), "'" + key + "' in " + where).map(c -> new MetricExpectation(metric.get(), c));
    }

    private Optional<Expectation> misplaced(Entry entry, String where, String owner) {
        values.problems().add(entry.keyLocation(),
                "metric '" + entry.key() + "' is not allowed in " + where + " (only in " + owner + " expect)");
        return Optional.empty();
    }

    private Optional<Comparison> comparison(YamlNode node, String what) {
        if (node instanceof YamlScalar s && s.kind() == Kind.INTEGER && s.integer().bitLength() < 64) {
            return Optional.of(Comparison.equalTo(s.integer().longValue()));
        }
        if (node instanceof YamlScalar s && s.kind() == Kind.STRING) {
            Optional<Comparison> parsed = Comparison.parse(s.text());
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        if (node instanceof YamlScalar s && s.kind() == Kind.INVALID) {
            return Optional.empty();
        }
        values.problems().add(node.location(), "bad comparison " + node.describe() + " for " + what
                + " (write a number, or \"OP N\" with OP one of ==, !=, <, <=, >, >=)");
        return Optional.empty();
    }

    private Optional<Expectation> signal(YamlNode node, String where) {
        if (node instanceof YamlScalar s && s.kind() == Kind.NULL) {
            return Optional.of(new SignalExpectation(Optional.empty()));
        }
        if (node instanceof YamlScalar s && s.kind() == Kind.STRING && SIGNAL_NAME.matcher(s.text()).matches()) {
            return Optional.of(new SignalExpectation(Optional.of(s.text())));
        }
        return values.wrong(node, "'signal' in " + where, "a signal name such as SIGSEGV, or null");
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(Metric.keys());
        names.add(SIGNAL);
        return List.copyOf(names);
    }
}
