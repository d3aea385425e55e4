package dev.vgharness.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * "Did you mean" for a mistyped command or option, as plans get it for keys ({@code rnu} is {@code run},
 * {@code --jbos} is {@code --jobs}). picocli's own suggestions only match options by their first two letters and
 * commands by letter pairs, which misses transposed letters.
 */
final class Suggestions {

    private Suggestions() {
    }

    /** The name of the command (an option, or a subcommand) closest to {@code typed}, if one is close. */
    static Optional<String> of(String typed, CommandSpec spec) {
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
        return dev.vgharness.plan.Suggestions.closest(word, names);
    }

    /** A line for an unknown command or option, or none. */
    static void print(CommandLine.ParameterException ex, java.io.PrintWriter err) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            of(u.getUnmatched().get(0), u.getCommandLine().getCommandSpec())
                    .ifPresent(name -> err.println("Did you mean: " + name + "?"));
        }
    }
}
