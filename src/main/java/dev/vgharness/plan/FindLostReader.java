package dev.vgharness.plan;

import dev.vgharness.plan.YamlNode.YamlMap;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a case's {@code find_lost:} map ({@code find_lost: {}} takes every default). */
final class FindLostReader {

    private final Values values;
    private final LeakOptionReader kinds;

    FindLostReader(Values values) {
        this.values = values;
        this.kinds = new LeakOptionReader(values);
    }

    Optional<FindLost> read(YamlNode node, String what, String caseContext) {
        Optional<YamlMap> map = values.map(node, what);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Fields f = new Fields(map.get(), "find_lost of " + caseContext, PlanMap.FIND_LOST, values.problems());
        FindLost d = FindLost.defaults();
        int limit = f.get("limit").flatMap(n -> values.integer(n, f.what("limit"), 1)).map(Long::intValue)
                .orElse(d.limit());
        Optional<YamlNode> kindsNode = f.get("kinds");
        Set<LossKind> chosen = kindsNode.flatMap(n -> kinds.kinds(n, f.what("kinds"))).orElse(d.kinds());
        if (!FindLost.FOLLOWABLE.containsAll(chosen)) {
            String others = chosen.stream().filter(k -> !FindLost.FOLLOWABLE.contains(k)).map(LossKind::word)
                    .collect(Collectors.joining(", "));
            values.problems().add(kindsNode.get().location(), f.what("kinds") + ": " + others + " cannot be followed"
                    + " to a loss (an indirect block is lost with the block holding it, a reachable one is not"
                    + " lost): use definite and/or possible");
            return Optional.empty();
        }
        return Optional.of(new FindLost(limit, chosen));
    }
}
