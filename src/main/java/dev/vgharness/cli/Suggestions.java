package dev.vgharness.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * "Did you mean" for a mistyped command or option: the names within a few typing slips of it ({@code rnu} is
 * {@code run}, {@code --jbos} is {@code --jobs}). picocli's own suggestions only match options by their first two
 * letters and commands by letter pairs, which misses transposed letters.
 */
final class Suggestions {

    private Suggestions() {
    }

    /** The names of the command (its options, or its subcommands) closest to {@code typed}, best first. */
    static List<String> of(String typed, CommandSpec spec) {
        List<String> names = new ArrayList<>();
        if (typed.startsWith("-")) {
            spec.options().stream().filter(o -> !o.hidden()).forEach(o -> names.addAll(List.of(o.names())));
        } else {
            spec.subcommands().forEach((name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                    names.add(name);
                }
            });
        }
        String word = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        int allowed = Math.max(1, word.replaceFirst("^-+", "").length() / 3);
        return names.stream().filter(n -> distance(word, n) <= allowed)
                .sorted(Comparator.comparingInt(n -> distance(word, n))).limit(3).toList();
    }

    /** A line for an unknown command or option, or none. */
    static void print(CommandLine.ParameterException ex, java.io.PrintWriter err) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            List<String> close = of(u.getUnmatched().get(0), u.getCommandLine().getCommandSpec());
            if (!close.isEmpty()) {
                err.println("Did you mean: " + String.join(" or ", close) + "?");
            }
        }
    }

    /** Edits (insert, delete, replace, swap two neighbours) from one word to the other. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
