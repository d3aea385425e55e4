package dev.vgharness.repl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The monitor commands of a valgrind and their keywords, read from its {@code monitor help} text, so that the REPL
 * routes and completes exactly what the valgrind in use knows.
 * <pre>
 *   v.info n_errs_found [msg] : show the nr of errors found so far and the given msg
 *   leak_check [full*|summary|xtleak]
 *                 [kinds kind1,kind2,...|reachable|possibleleak*|definiteleak]
 *        where kind is one of:
 *          definite indirect possible reachable all none
 * </pre>
 * A command starts on a line indented by exactly two spaces; its syntax goes on in lines that start with
 * {@code [} or {@code |}; a line ending in {@code one of:} lists more keywords on the next line.
 *
 * @param commands each command word with its keywords, in the order of the help
 */
public record MonitorHelp(Map<String, Set<String>> commands) {

    private static final Pattern COMMAND = Pattern.compile("^  ([A-Za-z][\\w.-]*)(.*)$");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][\\w.-]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^>]*>");

    public MonitorHelp {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        commands.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
        commands = Collections.unmodifiableMap(copy);
    }

    /** No commands known (no target yet, or the help could not be read). */
    public static MonitorHelp empty() {
        return new MonitorHelp(Map.of());
    }

    public static MonitorHelp parse(String help) {
        Map<String, Set<String>> commands = new LinkedHashMap<>();
        String current = null;
        boolean listFollows = false;
        for (String line : help.lines().toList()) {
            Matcher m = COMMAND.matcher(line);
            String trimmed = line.strip();
            if (m.matches()) {
                current = m.group(1);
                commands.computeIfAbsent(current, c -> new LinkedHashSet<>()).addAll(syntaxWords(m.group(2)));
            } else if (current != null && (listFollows || trimmed.startsWith("[") || trimmed.startsWith("|"))) {
                commands.get(current).addAll(listFollows ? words(trimmed) : syntaxWords(trimmed));
            } else if (line.isEmpty() || !line.startsWith(" ")) {
                current = null;
            }
            listFollows = current != null && trimmed.endsWith("one of:");
        }
        return new MonitorHelp(commands);
    }

    /** The words of a syntax part, before any {@code : description}: no placeholders, no numbered examples. */
    private static List<String> syntaxWords(String syntax) {
        int colon = syntax.indexOf(" : ");
        String part = PLACEHOLDER.matcher(colon < 0 ? syntax : syntax.substring(0, colon)).replaceAll(" ");
        List<String> result = new ArrayList<>();
        for (String word : words(part)) {
            // kind1,kind2 and heur1,heur2 stand for values listed elsewhere.
            if (!word.matches(".*[a-z]\\d$")) {
                result.add(word);
            }
        }
        return result;
    }

    private static List<String> words(String text) {
        List<String> result = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            result.add(m.group());
        }
        return result;
    }

    public boolean isCommand(String word) {
        return commands.containsKey(word);
    }

    public Set<String> keywords(String command) {
        return commands.getOrDefault(command, Set.of());
    }
}
