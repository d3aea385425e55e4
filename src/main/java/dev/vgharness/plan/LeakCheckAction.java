package dev.vgharness.plan;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@code leak_check} monitor command. {@link #defaults()} is the plan's bare {@code - leak_check}:
 * {@code leak_check full reachable any heuristics all}. Heuristics must be spelled out because the interactive
 * default is {@code none} while Valgrind's exit-time check uses {@code all}, and the plan's
 * numbers at a stop must be comparable with the ones at exit.
 *
 * @param kinds the loss kinds shown; all four means {@code reachable}
 * @param limit the maximum number of loss records printed, empty for unlimited
 * @param heuristics the heuristics used; empty means {@code none}
 */
public record LeakCheckAction(Mode mode, Set<LossKind> kinds, Delta delta, OptionalInt limit, Set<Heuristic> heuristics)
        implements Action {

    public LeakCheckAction {
        requireNonNull(mode, "mode is null");
        requireNonNull(delta, "delta is null");
        requireNonNull(limit, "limit is null");
        kinds = Set.copyOf(kinds);
        heuristics = Set.copyOf(heuristics);
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("kinds is empty");
        }
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }

    /** {@code mode: full, kinds: all, delta: any, limit: unlimited, heuristics: all}. */
    public static LeakCheckAction defaults() {
        return new LeakCheckAction(Mode.FULL, EnumSet.allOf(LossKind.class), Delta.ANY, OptionalInt.empty(),
                EnumSet.allOf(Heuristic.class));
    }

    @Override
    public String name() {
        return "leak_check";
    }

    @Override
    public <X extends Exception, Y extends Exception> void accept(Visitor<X, Y> visitor) throws X, Y {
        visitor.leakCheck(this);
    }

    /** The monitor command, e.g. {@code leak_check full kinds definite,possible increased limited 50 heuristics all}. */
    public String monitorCommand() {
        StringBuilder words = new StringBuilder("leak_check ").append(mode.word()).append(' ');
        words.append(kinds.size() == LossKind.values().length ? "reachable" : "kinds " + joined(EnumSet.copyOf(kinds)));
        words.append(' ').append(delta.word());
        limit.ifPresent(n -> words.append(" limited ").append(n));
        words.append(" heuristics ").append(heuristicWords());
        return words.toString();
    }

    private String heuristicWords() {
        if (heuristics.isEmpty()) {
            return "none";
        }
        return heuristics.size() == Heuristic.values().length ? "all" : EnumSet.copyOf(heuristics).stream()
                .map(Heuristic::word).collect(Collectors.joining(","));
    }

    private static String joined(Set<LossKind> kinds) {
        return kinds.stream().map(LossKind::word).collect(Collectors.joining(","));
    }

    /** What is searched and printed: {@code full}, {@code summary}, {@code xtleak}. */
    public enum Mode {
        FULL, SUMMARY, XTLEAK;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which records are shown relative to the previous search; {@code new} needs Valgrind 3.21+. */
    public enum Delta {
        ANY, INCREASED, CHANGED, NEW;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Memcheck's leak-search heuristics for interior pointers. */
    public enum Heuristic {
        STDSTRING, LENGTH64, NEWARRAY, MULTIPLEINHERITANCE;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
