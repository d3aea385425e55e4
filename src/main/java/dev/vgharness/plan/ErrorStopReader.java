package dev.vgharness.plan;

import dev.vgharness.plan.ExpectationReader.Scope;
import dev.vgharness.plan.YamlNode.YamlMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a case's {@code on_error:} map (an empty map, or {@code on_error: {}}, takes every default). */
final class ErrorStopReader {

    private final Values values;
    private final ActionReader actions;
    private final ExpectationReader expectations;

    ErrorStopReader(Values values) {
        this.values = values;
        this.actions = new ActionReader(values);
        this.expectations = new ExpectationReader(values);
    }

    Optional<ErrorStops> read(YamlNode node, String what, String caseContext) {
        Optional<YamlMap> map = values.map(node, what);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Fields f = new Fields(map.get(), "on_error of " + caseContext, PlanMap.ON_ERROR, values.problems());
        ErrorStops d = ErrorStops.defaults();
        int maxStops = f.get("max_stops").flatMap(n -> values.integer(n, f.what("max_stops"), 1))
                .map(Long::intValue).orElse(d.maxStops());
        int frames = f.get("frames").flatMap(n -> values.integer(n, f.what("frames"), 0))
                .map(Long::intValue).orElse(d.frames());
        boolean locals = f.get("locals").flatMap(n -> values.bool(n, f.what("locals"))).orElse(d.locals());
        ActionReader.Steps steps = f.get("actions").map(n -> actions.read(n, f.context()))
                .orElse(new ActionReader.Steps(d.actions(), Set.of()));
        List<Expectation> expect = f.get("expect")
                .map(n -> List.copyOf(expectations.read(n, f.context(), Scope.BREAKPOINT).values())).orElse(List.of());
        return Optional.of(new ErrorStops(maxStops, steps.actions(), locals, frames, expect, steps.failuresAllowed()));
    }
}
