package dev.vgharness.plan;

import dev.vgharness.plan.ExpectationReader.Scope;
import dev.vgharness.plan.YamlNode.Kind;
import dev.vgharness.plan.YamlNode.Location;
import dev.vgharness.plan.YamlNode.YamlMap;
import dev.vgharness.plan.YamlNode.YamlScalar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads one entry of a case's {@code breakpoints:} list ({@code - id: after_request, at: server.c:217, ...}). */
final class BreakpointReader {

    static final List<String> KEYS =
            List.of("id", "at", "condition", "ignore", "max_hits", "actions", "expect");

    private final Values values;
    private final ActionReader actions;
    private final ExpectationReader expectations;

    BreakpointReader(Values values) {
        this.values = values;
        this.actions = new ActionReader(values);
        this.expectations = new ExpectationReader(values);
    }

    /**
     * @param number the breakpoint's 1-based position in its case
     * @param caseContext how messages name the case: {@code case 'growth'}
     * @param ids the ids seen so far in this case, with where they were
     */
    Optional<BreakpointSpec> read(YamlNode node, int number, String caseContext, Map<String, Location> ids) {
        Optional<YamlMap> map = values.map(node, "breakpoint #" + number + " of " + caseContext);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Fields f = new Fields(map.get(), context(map.get(), number) + " of " + caseContext, PlanMap.BREAKPOINT,
                values.problems());
        Optional<String> id = f.require("id").flatMap(n -> values.nonEmptyString(n, f.what("id")));
        id.ifPresent(i -> unique(i, f.get("id").get().location(), caseContext, ids));
        Optional<String> at = f.require("at").flatMap(n -> values.nonEmptyString(n, f.what("at")));
        Optional<String> condition = f.get("condition").flatMap(n -> values.nonEmptyString(n, f.what("condition")));
        int ignore = f.get("ignore").flatMap(n -> values.integer(n, f.what("ignore"), 0)).orElse(0L).intValue();
        int maxHits = f.get("max_hits").flatMap(n -> values.integer(n, f.what("max_hits"), 1)).orElse(1L).intValue();
        ActionReader.Steps steps = f.get("actions").map(n -> actions.read(n, f.context()))
                .orElse(new ActionReader.Steps(List.of(LeakCheckAction.defaults()), Set.of()));
        List<Expectation> expect = f.get("expect")
                .map(n -> List.copyOf(expectations.read(n, f.context(), Scope.BREAKPOINT).values())).orElse(List.of());
        if (id.isEmpty() || at.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BreakpointSpec(id.get(), at.get(), condition, ignore, maxHits, steps.actions(), expect,
                steps.failuresAllowed()));
    }

    private static String context(YamlMap map, int number) {
        return map.entry("id").map(YamlNode.Entry::value)
                .filter(v -> v instanceof YamlScalar s && s.kind() == Kind.STRING && !s.text().isBlank())
                .map(v -> "breakpoint '" + ((YamlScalar) v).text() + "'").orElse("breakpoint #" + number);
    }

    private void unique(String id, Location location, String caseContext, Map<String, Location> ids) {
        Location first = ids.putIfAbsent(id, location);
        if (first != null) {
            values.problems().add(location,
                    "duplicate breakpoint id '" + id + "' in " + caseContext + " (first at line " + first.line() + ")");
        }
    }
}
