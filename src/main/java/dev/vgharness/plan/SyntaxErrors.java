package dev.vgharness.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vgharness.plan.YamlNode.Location;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns a parser exception into one clean located line. SnakeYAML's own message spans several lines with a
 * caret drawing; we keep its problem and context, e.g.
 * {@code expected ',' or ']', but got : (while parsing a flow sequence started at 2:4)}.
 */
final class SyntaxErrors {

    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private SyntaxErrors() {
    }

    static Location location(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return at(marked.getProblemMark());
        }
        return e.getLocation() == null ? new Location(1, 1) : YamlTreeReader.location(e.getLocation());
    }

    static String message(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            String message = "YAML syntax error: " + oneLine(marked.getProblem());
            Mark context = marked.getContextMark();
            if (marked.getContext() != null && context != null) {
                Location start = at(context);
                message += " (" + oneLine(marked.getContext()) + " started at " + start.line() + ":" + start.col() + ")";
            }
            return message;
        }
        String original = oneLine(e.getOriginalMessage());
        if (original.startsWith("Expected a field name")) {
            return "YAML syntax error: a key must be a plain value, not a list or a map";
        }
        // Jackson names a place as "[Source: ...; line: 1, column: 11]"; we write places as 1:11.
        return "syntax error: " + SOURCE.matcher(original).replaceAll("$1:$2");
    }

    private static Location at(Mark mark) {
        return new Location(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String oneLine(String text) {
        String first = text == null ? "unknown problem" : text.strip();
        int newline = first.indexOf('\n');
        return newline < 0 ? first : first.substring(0, newline).strip();
    }
}
