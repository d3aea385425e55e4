package dev.vgharness.plan;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The gdb commands that resume or end the target ({@code next}, {@code continue}, {@code finish}, {@code kill},
 * ...), in any abbreviation gdb accepts. A {@code gdb:} action must not run them: the runner continues the target
 * itself and waits for its next stop, so a stop made behind its back derails the case ({@code next} gave an extra
 * stop, {@code continue} left gdb without a stopped target).
 */
final class ResumingCommands {

    /** Each command with the shortest prefix gdb takes for it. */
    private static final Map<String, Integer> COMMANDS = Map.ofEntries(Map.entry("continue", 4),
            Map.entry("next", 4), Map.entry("nexti", 5), Map.entry("step", 4), Map.entry("stepi", 5),
            Map.entry("until", 3), Map.entry("advance", 3), Map.entry("finish", 3), Map.entry("jump", 2),
            Map.entry("run", 2), Map.entry("start", 5), Map.entry("starti", 6), Map.entry("kill", 3),
            Map.entry("detach", 3), Map.entry("disconnect", 4), Map.entry("quit", 2), Map.entry("target", 3),
            Map.entry("attach", 2), Map.entry("signal", 3));
    private static final Set<String> ALIASES = Set.of("c", "fg", "n", "ni", "s", "si", "u", "fin", "j", "r", "k",
            "q", "rc", "rn", "rs", "rni", "rsi");

    private ResumingCommands() {
    }

    /** The command a gdb command line starts with, when it resumes or ends the target. */
    static Optional<String> in(String commandLine) {
        String word = commandLine.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (ALIASES.contains(word) || word.startsWith("reverse-")) {
            return Optional.of(word);
        }
        return COMMANDS.entrySet().stream()
                .filter(e -> word.length() >= e.getValue() && e.getKey().startsWith(word))
                .map(Map.Entry::getKey).findFirst();
    }
}
