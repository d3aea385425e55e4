package dev.vgharness.plan;

import dev.vgharness.plan.YamlNode.Entry;
import dev.vgharness.plan.YamlNode.Kind;
import dev.vgharness.plan.YamlNode.YamlMap;
import dev.vgharness.plan.YamlNode.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a breakpoint's {@code actions:} list. An action is a bare name ({@code - leak_check}) or a map with the
 * name as its only key ({@code - block_list: {kinds: [definite]}}, {@code - monitor: "v.info n_errs_found"}).
 */
final class ActionReader {

    static final String LEAK_CHECK = "leak_check";
    static final String BLOCK_LIST = "block_list";
    static final String WHO_POINTS_AT = "who_points_at";
    static final String MONITOR = "monitor";
    static final String GDB = "gdb";
    static final String MALLOC_TRIM = "malloc_trim";
    static final List<String> NAMES = List.of(LEAK_CHECK, BLOCK_LIST, WHO_POINTS_AT, MONITOR, GDB, MALLOC_TRIM);

    private final Values values;
    private final LeakOptionReader options;

    ActionReader(Values values) {
        this.values = values;
        this.options = new LeakOptionReader(values);
    }

    /** @param owner how messages name the breakpoint: {@code breakpoint 'b' of case 'c'} */
    List<Action> read(YamlNode node, String owner) {
        List<Action> actions = new ArrayList<>();
        values.list(node, "'actions' in " + owner)
                .ifPresent(list -> list.items().forEach(item -> action(item, owner).ifPresent(actions::add)));
        return actions;
    }

    private Optional<Action> action(YamlNode item, String owner) {
        if (item instanceof YamlMap map && map.entries().size() == 1) {
            Entry entry = map.entries().get(0);
            return known(entry.key(), entry.keyLocation(), owner)
                    ? withArgument(entry.key(), entry.value(), owner) : Optional.empty();
        }
        if (item instanceof YamlScalar s && s.kind() == Kind.STRING) {
            return known(s.text(), s.location(), owner) ? bare(s, owner) : Optional.empty();
        }
        return values.wrong(item, "an action in " + owner, "an action name or a map with one key (the action's name)");
    }

    private boolean known(String name, YamlNode.Location location, String owner) {
        if (NAMES.contains(name)) {
            return true;
        }
        values.problems().add(location, "unknown action '" + name + "' in " + owner + Suggestions.didYouMean(name, NAMES));
        return false;
    }

    private Optional<Action> bare(YamlScalar name, String owner) {
        return switch (name.text()) {
            case LEAK_CHECK -> Optional.of(LeakCheckAction.defaults());
            case MALLOC_TRIM -> Optional.of(new MallocTrimAction());
            case BLOCK_LIST -> needs(name, owner, "'kinds' or 'records'", "{kinds: [definite]}");
            case WHO_POINTS_AT -> needs(name, owner, "'kinds' or 'address'", "{kinds: [possible]}");
            case MONITOR -> needs(name, owner, "the command text", "\"v.info n_errs_found\"");
            default -> needs(name, owner, "the command text", "\"info threads\"");
        };
    }

    private Optional<Action> needs(YamlScalar name, String owner, String what, String sample) {
        values.problems().add(name.location(),
                "action '" + name.text() + "' in " + owner + " needs " + what + ", e.g. " + name.text() + ": " + sample);
        return Optional.empty();
    }

    private Optional<Action> withArgument(String name, YamlNode argument, String owner) {
        String what = "'" + name + "' in " + owner;
        String context = name + " of " + owner;
        return switch (name) {
            case LEAK_CHECK -> argument instanceof YamlScalar s && s.kind() == Kind.NULL
                    ? Optional.of(LeakCheckAction.defaults())
                    : values.map(argument, what).map(m -> options.leakCheck(m, context));
            case MALLOC_TRIM -> argument instanceof YamlScalar s && s.kind() == Kind.NULL
                    ? Optional.of(new MallocTrimAction()) : values.wrong(argument, what, "nothing (malloc_trim has no"
                    + " options)");
            case BLOCK_LIST -> values.map(argument, what).flatMap(m -> options.blockList(m, context));
            case WHO_POINTS_AT -> values.map(argument, what).flatMap(m -> options.whoPointsAt(m, context));
            case MONITOR -> values.nonEmptyString(argument, what).map(MonitorAction::new);
            default -> values.nonEmptyString(argument, what).map(GdbAction::new);
        };
    }
}
