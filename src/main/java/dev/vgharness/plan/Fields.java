package dev.vgharness.plan;

import dev.vgharness.plan.YamlNode.Entry;
import dev.vgharness.plan.YamlNode.Location;
import dev.vgharness.plan.YamlNode.YamlMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of one map of the plan, checked against the keys allowed there. Unknown keys are reported when the
 * fields are made ({@code unknown key 'comand' in case 'growth' (did you mean 'command'?)}); keys that belong
 * elsewhere get the reason given for them instead.
 */
final class Fields {

    private final YamlMap map;
    private final String context;
    private final Problems problems;

    /**
     * @param context how messages name the map: {@code case 'growth'}, or empty for the plan's top level
     * @param kind which map this is: its keys are the ones allowed
     * @param misplaced keys known elsewhere, each with the message to give when it is used here
     */
    Fields(YamlMap map, String context, PlanMap kind, Map<String, String> misplaced, Problems problems) {
        List<String> allowed = kind.keys();
        this.map = map;
        this.context = context;
        this.problems = problems;
        for (Entry entry : map.entries()) {
            String key = entry.key();
            if (misplaced.containsKey(key)) {
                problems.add(entry.keyLocation(), misplaced.get(key));
            } else if (!allowed.contains(key)) {
                String where = context.isEmpty() ? " at the top of the plan" : " in " + context;
                problems.add(entry.keyLocation(),
                        "unknown key '" + key + "'" + where + Suggestions.didYouMean(key, allowed));
            }
        }
    }

    Fields(YamlMap map, String context, PlanMap kind, Problems problems) {
        this(map, context, kind, Map.of(), problems);
    }

    Optional<YamlNode> get(String key) {
        return map.entry(key).map(Entry::value);
    }

    /** The value of a required key; reports it at the map's start when it is missing. */
    Optional<YamlNode> require(String key) {
        Optional<YamlNode> value = get(key);
        if (value.isEmpty()) {
            problems.add(map.location(), missing(key));
        }
        return value;
    }

    String missing(String key) {
        return "missing required key '" + key + "'" + (context.isEmpty() ? "" : " in " + context);
    }

    /** How a key is named in messages: {@code 'ignore' in breakpoint 'b' of case 'c'}. */
    String what(String key) {
        return "'" + key + "'" + (context.isEmpty() ? "" : " in " + context);
    }

    String context() {
        return context;
    }

    Location location() {
        return map.location();
    }
}
