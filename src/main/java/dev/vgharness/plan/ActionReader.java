package dev.vgharness.plan;

import dev.vgharness.plan.YamlNode.Entry;
import dev.vgharness.plan.YamlNode.Kind;
import dev.vgharness.plan.YamlNode.YamlMap;
import dev.vgharness.plan.YamlNode.YamlScalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a breakpoint's {@code actions:} list. An action is a bare name ({@code - leak_check}) or a map with the
 * name as its first key ({@code - block_list: {kinds: [definite]}}, {@code - monitor: "v.info n_errs_found"}),
 * optionally followed by {@code allow_failure: true}. A {@code gdb:} command that resumes the target
 * ({@code next}, {@code continue}) and {@code monitor: v.kill} are refused: the runner drives the target itself.
 */
final class ActionReader {

    static final String LEAK_CHECK = "leak_check";
    static final String BLOCK_LIST = "block_list";
    static final String WHO_POINTS_AT = "who_points_at";
    static final String MONITOR = "monitor";
    static final String GDB = "gdb";
    static final String MALLOC_TRIM = "malloc_trim";
    static final String ALLOW_FAILURE = "allow_failure";
    static final List<String> NAMES = List.of(LEAK_CHECK, BLOCK_LIST, WHO_POINTS_AT, MONITOR, GDB, MALLOC_TRIM);

    private final Values values;
    private final LeakOptionReader options;

    ActionReader(Values values) {
        this.values = values;
        this.options = new LeakOptionReader(values);
    }

    /** A breakpoint's actions and the positions of those that may fail. */
    record Steps(List<Action> actions, Set<Integer> failuresAllowed) {
    }

    /** @param owner how messages name the breakpoint: {@code breakpoint 'b' of case 'c'} */
    Steps read(YamlNode node, String owner) {
        List<Action> actions = new ArrayList<>();
        Set<Integer> allowed = new HashSet<>();
        values.list(node, "'actions' in " + owner).ifPresent(list -> list.items().forEach(item -> {
            Optional<Action> action = action(item, owner);
            action.ifPresent(actions::add);
            if (action.isPresent() && allowsFailure(item, owner)) {
                allowed.add(actions.size() - 1);
            }
        }));
        return new Steps(actions, allowed);
    }

    private Optional<Action> action(YamlNode item, String owner) {
        if (item instanceof YamlMap map && !map.entries().isEmpty() && !map.entries().get(0).key().equals(ALLOW_FAILURE)) {
            Entry entry = map.entries().get(0);
            return known(entry.key(), entry.keyLocation(), owner)
                    ? withArgument(entry.key(), entry.value(), owner).filter(a -> drivable(a, entry.value(), owner))
                    : Optional.empty();
        }
        if (item instanceof YamlScalar s && s.kind() == Kind.STRING) {
            return known(s.text(), s.location(), owner) ? bare(s, owner) : Optional.empty();
        }
        return values.wrong(item, "an action in " + owner, "an action name or a map whose first key is the action's name");
    }

    /** {@code allow_failure: true} after the action's name; any other key there is a problem. */
    private boolean allowsFailure(YamlNode item, String owner) {
        if (!(item instanceof YamlMap map)) {
            return false;
        }
        boolean allowed = false;
        for (Entry extra : map.entries().subList(1, map.entries().size())) {
            if (extra.key().equals(ALLOW_FAILURE)) {
                allowed = values.bool(extra.value(), "'" + ALLOW_FAILURE + "' of an action in " + owner).orElse(false);
            } else {
                values.problems().add(extra.keyLocation(), "unknown key '" + extra.key() + "' in action '"
                        + map.entries().get(0).key() + "' of " + owner + ": an action takes its name and '"
                        + ALLOW_FAILURE + "'" + Suggestions.didYouMean(extra.key(), List.of(ALLOW_FAILURE)));
            }
        }
        return allowed;
    }

    /** False, with a problem, for a command that would resume or end the target behind the runner's back. */
    private boolean drivable(Action action, YamlNode where, String owner) {
        if (action instanceof GdbAction g) {
            Optional<String> resuming = ResumingCommands.in(g.command());
            resuming.ifPresent(word -> values.problems().add(where.location(), "gdb action '" + g.command() + "' in "
                    + owner + " would resume or end the target, which the runner drives itself ('" + word
                    + "'): put a breakpoint where the target should stop next instead"));
            return resuming.isEmpty();
        }
        if (action instanceof MonitorAction m && m.command().strip().startsWith("v.kill")) {
            values.problems().add(where.location(), "monitor action 'v.kill' in " + owner
                    + " would end the target without its exit-time leak check: let it end by itself");
            return false;
        }
        return true;
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
