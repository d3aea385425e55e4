package dev.vgharness.plan;

import dev.vgharness.plan.LeakCheckAction.Delta;
import dev.vgharness.plan.LeakCheckAction.Heuristic;
import dev.vgharness.plan.LeakCheckAction.Mode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The words of a {@code leak_check} monitor command read as Valgrind's gdbserver reads them ({@code mc_main.c},
 * * docs/leak-deltas.md): keywords in any order, each the whole word or a prefix of only one, Valgrind's interactive
 * defaults for the rest, and the sets after {@code kinds} and {@code heuristics} spelled out in full.
 * <pre>
 * leak_check                        full, kinds definite,possible, increased, unlimited, heuristics none
 * leak_check f r a l 5              full, all kinds, any, limited 5
 * leak_check summary possibleleak   summary, kinds definite,indirect,possible
 * </pre>
 * A command Valgrind would complain about is refused here, so that nothing is searched.
 */
public final class LeakCheckWords {

    private static final String WORDS = "full summary xtleak kinds reachable possibleleak definiteleak heuristics "
            + "new increased changed any unlimited limited";

    private LeakCheckWords() {
    }

    /**
     * The check a {@code leak_check ...} command asks for; the first word (the command) is skipped.
     *
     * @param withNew whether this valgrind knows {@code new} (3.21+)
     * @throws IllegalArgumentException for a word Valgrind would not take, saying which
     */
    public static LeakCheckAction parse(String command, boolean withNew) {
        List<String> words = List.of(command.strip().split("\\s+"));
        Draft d = new Draft();
        for (int i = 1; i < words.size(); i++) {
            String word = keyword(words.get(i), withNew);
            String value = i + 1 < words.size() ? words.get(i + 1) : null;
            i += d.take(word, value) ? 1 : 0;
        }
        return new LeakCheckAction(d.mode, d.kinds, d.delta, d.limit, d.heuristics);
    }

    /** The keyword a word begins (or is). */
    private static String keyword(String word, boolean withNew) {
        List<String> keywords = new ArrayList<>(List.of(WORDS.split(" ")));
        if (!withNew) {
            keywords.remove("new");
        }
        List<String> matches = keywords.stream().filter(k -> k.startsWith(word)).toList();
        if (matches.size() != 1) {
            // No two keywords begin with the same letter: a word begins one keyword or none.
            throw new IllegalArgumentException(word + " does not match any of '" + String.join(" ", keywords) + "'");
        }
        return matches.get(0);
    }

    /** The check so far, starting from Valgrind's interactive defaults. */
    private static final class Draft {
        private Mode mode = Mode.FULL;
        private Set<LossKind> kinds = EnumSet.of(LossKind.DEFINITE, LossKind.POSSIBLE);
        private Delta delta = Delta.INCREASED;
        private OptionalInt limit = OptionalInt.empty();
        private Set<Heuristic> heuristics = EnumSet.noneOf(Heuristic.class);

        /** Takes one keyword; true when it also took the value after it. */
        boolean take(String keyword, String value) {
            switch (keyword) {
                case "full", "summary", "xtleak" -> mode = Mode.valueOf(keyword.toUpperCase(Locale.ROOT));
                case "reachable" -> kinds = EnumSet.allOf(LossKind.class);
                case "possibleleak" -> kinds = EnumSet.of(LossKind.DEFINITE, LossKind.INDIRECT, LossKind.POSSIBLE);
                case "definiteleak" -> kinds = EnumSet.of(LossKind.DEFINITE);
                case "new", "increased", "changed", "any" -> delta = Delta.valueOf(keyword.toUpperCase(Locale.ROOT));
                case "unlimited" -> limit = OptionalInt.empty();
                case "limited" -> limit = OptionalInt.of(count(value));
                case "kinds" -> kinds = set(LossKind.class, value, "leak kinds");
                case "heuristics" -> heuristics = set(Heuristic.class, value, "heuristics");
                default -> throw new IllegalStateException("keyword without a meaning: " + keyword);
            }
            return keyword.equals("limited") || keyword.equals("kinds") || keyword.equals("heuristics");
        }

        private static int count(String value) {
            try {
                int n = value == null ? 0 : Integer.parseInt(value);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException("limited needs a number of loss records >= 1, got " + value);
        }

        /** A comma list of the enum's words, {@code all}, or (for heuristics) {@code none}. */
        private static <E extends Enum<E>> Set<E> set(Class<E> type, String value, String what) {
            if (value != null && value.equals("all")) {
                return EnumSet.allOf(type);
            }
            Set<E> set = EnumSet.noneOf(type);
            if (value != null && value.equals("none") && type == Heuristic.class) {
                return set;
            }
            for (String word : value == null ? new String[] {""} : value.split(",", -1)) {
                E element = null;
                for (E e : type.getEnumConstants()) {
                    element = e.name().toLowerCase(Locale.ROOT).equals(word) ? e : element;
                }
                if (element == null) {
                    throw new IllegalArgumentException("missing or malformed " + what + " set"
                            + (value == null ? "" : ": " + value));
                }
                set.add(element);
            }
            return set;
        }
    }
}
