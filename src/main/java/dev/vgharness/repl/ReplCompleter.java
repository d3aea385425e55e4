package dev.vgharness.repl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: the first word from the REPL's commands, common gdb commands and every monitor command of the
 * valgrind in use ({@code leak_<Tab>} → {@code leak_check}); later words of a monitor command from its keywords
 * ({@code leak_check f<Tab>} → {@code full}), read from the live {@code monitor help}.
 */
final class ReplCompleter implements Completer {

    static final List<String> GDB_COMMANDS = List.of("backtrace", "break", "continue", "delete", "disable", "display",
            "down", "enable", "finish", "frame", "info", "list", "next", "nexti", "print", "ptype", "step", "stepi",
            "tbreak", "thread", "until", "up", "watch", "where", "x");

    private final List<String> colonCommands;
    private final Supplier<MonitorHelp> help;

    ReplCompleter(List<String> colonCommands, Supplier<MonitorHelp> help) {
        this.colonCommands = List.copyOf(colonCommands);
        this.help = help;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (String word : candidates(line.words(), line.wordIndex())) {
            candidates.add(new Candidate(word));
        }
    }

    /** The words that may stand at {@code index} after {@code words} (pure, for tests). */
    List<String> candidates(List<String> words, int index) {
        MonitorHelp monitor = help.get();
        if (index == 0) {
            List<String> all = new ArrayList<>(colonCommands);
            all.add("monitor");
            all.addAll(monitor.commands().keySet());
            all.addAll(GDB_COMMANDS);
            return all;
        }
        String first = words.get(0);
        if (first.equals("monitor")) {
            return index == 1 ? List.copyOf(monitor.commands().keySet()) : keywords(monitor, words.get(1));
        }
        if (first.equals(":json")) {
            return List.of("on", "off");
        }
        return keywords(monitor, first);
    }

    private static List<String> keywords(MonitorHelp monitor, String command) {
        Collection<String> words = monitor.keywords(command);
        return List.copyOf(words);
    }
}
