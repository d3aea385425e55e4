package dev.vgharness.plan;

import dev.vgharness.memcheck.BlockContents;
import dev.vgharness.plan.LeakCheckAction.Delta;
import dev.vgharness.plan.LeakCheckAction.Heuristic;
import dev.vgharness.plan.LeakCheckAction.Mode;
import dev.vgharness.plan.YamlNode.Kind;
import dev.vgharness.plan.YamlNode.YamlList;
import dev.vgharness.plan.YamlNode.YamlMap;
import dev.vgharness.plan.YamlNode.YamlScalar;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the option maps of {@code leak_check}, {@code block_list} and {@code who_points_at}, e.g.
 * {@code {mode: full, kinds: [definite, possible], delta: increased, limit: 50, heuristics: all}}.
 */
final class LeakOptionReader {

    static final List<String> LEAK_CHECK_KEYS = List.of("mode", "kinds", "delta", "limit", "heuristics");
    static final List<String> BLOCK_LIST_KEYS = List.of("kinds", "records", "limit", "contents");
    static final List<String> WHO_POINTS_AT_KEYS = List.of("kinds", "address", "length", "limit");
    private static final Pattern HEX_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{1,16}");

    private final Values values;

    LeakOptionReader(Values values) {
        this.values = values;
    }

    /** @param context how messages name the action: {@code leak_check of breakpoint 'b' of case 'c'} */
    LeakCheckAction leakCheck(YamlMap map, String context) {
        Fields fields = new Fields(map, context, PlanMap.LEAK_CHECK, values.problems());
        LeakCheckAction d = LeakCheckAction.defaults();
        Mode mode = fields.get("mode").flatMap(n -> values.choice(n, fields.what("mode"), words(Mode.values(), Mode::word)))
                .map(w -> Mode.valueOf(w.toUpperCase(Locale.ROOT))).orElse(d.mode());
        Set<LossKind> kinds = fields.get("kinds").flatMap(n -> kinds(n, fields.what("kinds"))).orElse(d.kinds());
        Delta delta = fields.get("delta").flatMap(n -> values.choice(n, fields.what("delta"), words(Delta.values(), Delta::word)))
                .map(w -> Delta.valueOf(w.toUpperCase(Locale.ROOT))).orElse(d.delta());
        OptionalInt limit = fields.get("limit").map(n -> limit(n, fields.what("limit"), "loss records"))
                .orElse(d.limit());
        Set<Heuristic> heuristics = fields.get("heuristics").flatMap(n -> heuristics(n, fields.what("heuristics")))
                .orElse(d.heuristics());
        return new LeakCheckAction(mode, kinds, delta, limit, heuristics);
    }

    Optional<Action> blockList(YamlMap map, String context) {
        Fields fields = new Fields(map, context, PlanMap.BLOCK_LIST, values.problems());
        if (!exactlyOne(fields, "kinds", "records")) {
            return Optional.empty();
        }
        OptionalInt limit = fields.get("limit").map(n -> limit(n, fields.what("limit"), "blocks per record"))
                .orElse(OptionalInt.of(BlockListAction.DEFAULT_LIMIT));
        Optional<Long> contents = fields.get("contents").map(n -> contents(n, fields.what("contents")))
                .orElse(Optional.of(0L));
        if (contents.isEmpty()) {
            return Optional.empty();
        }
        int bytes = contents.get().intValue();
        if (fields.get("kinds").isPresent()) {
            return kinds(fields.get("kinds").get(), fields.what("kinds"))
                    .map(k -> new BlockListAction(k, List.of(), limit, bytes));
        }
        return records(fields.get("records").get(), fields.what("records"))
                .map(r -> new BlockListAction(Set.of(), r, limit, bytes));
    }

    Optional<Action> whoPointsAt(YamlMap map, String context) {
        Fields fields = new Fields(map, context, PlanMap.WHO_POINTS_AT, values.problems());
        if (!exactlyOne(fields, "kinds", "address")) {
            return Optional.empty();
        }
        if (fields.get("kinds").isPresent()) {
            fields.get("length").ifPresent(n -> values.problems().add(n.location(),
                    fields.what("length") + " goes with 'address'; with 'kinds' each block is searched over its size"));
            OptionalInt limit = fields.get("limit").map(n -> limit(n, fields.what("limit"), "blocks per stop"))
                    .orElse(OptionalInt.of(WhoPointsAtAction.DEFAULT_LIMIT));
            return kinds(fields.get("kinds").get(), fields.what("kinds"))
                    .map(k -> new WhoPointsAtAction(k, OptionalLong.empty(), 1, limit));
        }
        fields.get("limit").ifPresent(n -> values.problems().add(n.location(),
                fields.what("limit") + " goes with 'kinds'; with 'address' one address is searched"));
        Optional<Long> address = address(fields.get("address").get(), fields.what("address"));
        Optional<Long> length = fields.get("length").map(n -> values.integer(n, fields.what("length"), 1))
                .orElse(Optional.of(1L));
        if (address.isEmpty() || length.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WhoPointsAtAction(Set.of(), OptionalLong.of(address.get()), length.get()));
    }

    private boolean exactlyOne(Fields fields, String a, String b) {
        boolean hasA = fields.get(a).isPresent();
        boolean hasB = fields.get(b).isPresent();
        if (hasA == hasB) {
            values.problems().add(fields.location(), fields.context() + (hasA
                    ? " takes one of '" + a + "' or '" + b + "', not both"
                    : " needs one of '" + a + "' or '" + b + "'"));
        }
        return hasA != hasB;
    }

    /** {@code all} or a non-empty list of {@code definite, indirect, possible, reachable}. */
    Optional<Set<LossKind>> kinds(YamlNode node, String what) {
        return set(node, what, LossKind.class, LossKind::word, false);
    }

    private Optional<Set<Heuristic>> heuristics(YamlNode node, String what) {
        return set(node, what, Heuristic.class, Heuristic::word, true);
    }

    /** "all", "none" (when allowed), or a non-empty list of the enum's words. */
    private <E extends Enum<E>> Optional<Set<E>> set(YamlNode node, String what, Class<E> type,
            Function<E, String> word, boolean noneAllowed) {
        List<String> words = words(type.getEnumConstants(), word);
        String single = noneAllowed ? "all, none" : "all";
        if (node instanceof YamlScalar s && s.kind() == Kind.STRING) {
            List<String> choices = noneAllowed ? List.of("all", "none") : List.of("all");
            return values.choice(node, what, choices)
                    .map(w -> w.equals("all") ? EnumSet.allOf(type) : EnumSet.noneOf(type));
        }
        if (!(node instanceof YamlList list)) {
            return values.wrong(node, what, single + " or a list of " + String.join(", ", words));
        }
        if (list.items().isEmpty()) {
            values.problems().add(node.location(), what + " must not be an empty list (use " + single.replace(", ", " or ") + ")");
            return Optional.empty();
        }
        Set<E> chosen = EnumSet.noneOf(type);
        long read = list.items().stream()
                .flatMap(item -> values.choice(item, "an item of " + what, words).stream())
                .peek(w -> chosen.add(Enum.valueOf(type, w.toUpperCase(Locale.ROOT))))
                .count();
        return read == list.items().size() ? Optional.of(chosen) : Optional.empty();
    }

    /** {@code unlimited} (empty) or a number of at least 1; {@code unit} says what it counts. */
    private OptionalInt limit(YamlNode node, String what, String unit) {
        if (node instanceof YamlScalar s && s.kind() == Kind.STRING && s.text().equals("unlimited")) {
            return OptionalInt.empty();
        }
        if (node instanceof YamlScalar s && s.kind() == Kind.INTEGER) {
            return values.integer(node, what, 1).map(n -> OptionalInt.of(n.intValue())).orElse(OptionalInt.empty());
        }
        values.wrong(node, what, "unlimited or a number of " + unit);
        return OptionalInt.empty();
    }

    /** Bytes to read of each block: 0 (none) to {@value BlockContents#MAX_BYTES}. */
    private Optional<Long> contents(YamlNode node, String what) {
        Optional<Long> bytes = values.integer(node, what, 0);
        if (bytes.isPresent() && bytes.get() > BlockContents.MAX_BYTES) {
            values.problems().add(node.location(), what + " must be at most " + BlockContents.MAX_BYTES
                    + " bytes, not " + bytes.get());
            return Optional.empty();
        }
        return bytes;
    }

    private Optional<List<Integer>> records(YamlNode node, String what) {
        return values.list(node, what).flatMap(list -> {
            if (list.items().isEmpty()) {
                values.problems().add(node.location(), what + " must not be an empty list");
                return Optional.empty();
            }
            List<Integer> numbers = list.items().stream()
                    .flatMap(item -> values.integer(item, "an item of " + what, 1).stream())
                    .map(Long::intValue).toList();
            return numbers.size() == list.items().size() ? Optional.of(numbers) : Optional.empty();
        });
    }

    /** A hex address; an unquoted {@code 0x4a5a040} is a YAML integer and accepted as written. */
    private Optional<Long> address(YamlNode node, String what) {
        if (node instanceof YamlScalar s && (s.kind() == Kind.STRING || s.kind() == Kind.INTEGER)
                && HEX_ADDRESS.matcher(s.text()).matches()) {
            long address = Long.parseUnsignedLong(s.text().substring(2), 16);
            if (address == 0) {
                // Memcheck answers "Cannot search who points at 0x0"; better to say so before anything runs.
                values.problems().add(node.location(), what + " must not be 0x0");
                return Optional.empty();
            }
            return Optional.of(address);
        }
        return values.wrong(node, what, "a hex address such as \"0x4a5a040\"");
    }

    private static <E> List<String> words(E[] constants, Function<E, String> word) {
        return Arrays.stream(constants).map(word).toList();
    }
}
