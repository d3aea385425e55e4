package dev.vgharness.plan;

import dev.vgharness.plan.YamlNode.Entry;
import dev.vgharness.plan.YamlNode.Kind;
import dev.vgharness.plan.YamlNode.YamlList;
import dev.vgharness.plan.YamlNode.YamlMap;
import dev.vgharness.plan.YamlNode.YamlScalar;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of plan values. A value of the wrong type is reported as
 * {@code 'ignore' in breakpoint 'b' of case 'c' must be an integer, not "x"} and read as empty, so that reading
 * goes on and every problem is found. Values already reported (INVALID) are empty without a second message.
 */
final class Values {

    private final Problems problems;
    private final Path folder;

    Values(Problems problems, Path folder) {
        this.problems = problems;
        this.folder = folder;
    }

    Problems problems() {
        return problems;
    }

    Path folder() {
        return folder;
    }

    /** A string; numbers are taken as written ({@code 40} in an argv is {@code "40"}). */
    Optional<String> string(YamlNode node, String what) {
        if (node instanceof YamlScalar s && (s.kind() == Kind.STRING || s.kind() == Kind.INTEGER || s.kind() == Kind.FLOAT)) {
            return Optional.of(s.text());
        }
        return wrong(node, what, "a string");
    }

    /**
     * Any scalar but null, as written: where only text makes sense (argv, environment values) {@code true} and
     * {@code no} are kept as the words the user wrote rather than rejected as booleans.
     */
    Optional<String> text(YamlNode node, String what) {
        if (node instanceof YamlScalar s && s.kind() == Kind.BOOLEAN) {
            return Optional.of(s.text());
        }
        return string(node, what);
    }

    /** {@code true} or {@code false}. */
    Optional<Boolean> bool(YamlNode node, String what) {
        if (node instanceof YamlScalar s && s.kind() == Kind.BOOLEAN) {
            return Optional.of(List.of("true", "yes", "on", "y").contains(s.text().toLowerCase(java.util.Locale.ROOT)));
        }
        return wrong(node, what, "true or false");
    }

    Optional<String> nonEmptyString(YamlNode node, String what) {
        Optional<String> text = string(node, what);
        if (text.isPresent() && text.get().isBlank()) {
            problems.add(node.location(), what + " must not be empty");
            return Optional.empty();
        }
        return text;
    }

    Optional<Long> integer(YamlNode node, String what, long min) {
        if (!(node instanceof YamlScalar s && s.kind() == Kind.INTEGER)) {
            return wrong(node, what, "an integer");
        }
        BigInteger value = s.integer();
        if (value.compareTo(BigInteger.valueOf(min)) < 0) {
            problems.add(node.location(), what + " must be " + min + " or more, not " + value);
            return Optional.empty();
        }
        if (value.bitLength() > 31) {
            problems.add(node.location(), what + " is too large: " + value);
            return Optional.empty();
        }
        return Optional.of(value.longValue());
    }

    Optional<YamlMap> map(YamlNode node, String what) {
        return node instanceof YamlMap m ? Optional.of(m) : wrong(node, what, "a map");
    }

    Optional<YamlList> list(YamlNode node, String what) {
        return node instanceof YamlList l ? Optional.of(l) : wrong(node, what, "a list");
    }

    /** A list of strings; an item of the wrong type is reported, the others kept. */
    Optional<List<String>> strings(YamlNode node, String what) {
        return list(node, what).map(l -> {
            List<String> texts = new ArrayList<>();
            l.items().forEach(item -> nonEmptyString(item, "an item of " + what).ifPresent(texts::add));
            return texts;
        });
    }

    Optional<Map<String, String>> stringMap(YamlNode node, String what) {
        return map(node, what).map(m -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (Entry e : m.entries()) {
                text(e.value(), "the value of '" + e.key() + "' in " + what).ifPresent(v -> values.put(e.key(), v));
            }
            return values;
        });
    }

    /** A positive duration such as {@code 90s} or {@code 1m30s}. */
    Optional<Duration> duration(YamlNode node, String what) {
        Optional<String> text = node instanceof YamlScalar s && s.kind() == Kind.INTEGER
                ? Optional.of(s.text()) : string(node, what);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> duration = DurationText.parse(text.get());
        if (duration.isEmpty() || duration.get().isZero()) {
            problems.add(node.location(), what + " is not a duration: " + node.describe()
                    + " (write a positive number with a unit: 500ms, 90s, 5m, 1m30s, 2h)");
            return Optional.empty();
        }
        return duration;
    }

    /** A path relative to the plan's folder, made absolute; unchecked. */
    Optional<Path> path(YamlNode node, String what) {
        Optional<String> text = nonEmptyString(node, what);
        try {
            return text.map(t -> folder.resolve(t).normalize());
        } catch (InvalidPathException e) {
            problems.add(node.location(), what + " is not a valid path: " + node.describe());
            return Optional.empty();
        }
    }

    /** A path that must name an existing regular file. */
    Optional<Path> existingFile(YamlNode node, String what) {
        Optional<Path> path = path(node, what);
        if (path.isPresent() && !Files.isRegularFile(path.get())) {
            problems.add(node.location(), what + ": no such file " + node.describe()
                    + " (relative paths start at the plan's folder " + folder + ")");
            return Optional.empty();
        }
        return path;
    }

    /** One word out of a fixed set: {@code 'mode' in leak_check of ... must be one of full, summary, xtleak}. */
    Optional<String> choice(YamlNode node, String what, List<String> choices) {
        Optional<String> word = string(node, what);
        if (word.isPresent() && !choices.contains(word.get())) {
            problems.add(node.location(), what + " must be one of " + String.join(", ", choices) + ", not "
                    + node.describe() + Suggestions.didYouMean(word.get(), choices));
            return Optional.empty();
        }
        return word;
    }

    <T> Optional<T> wrong(YamlNode node, String what, String expected) {
        if (!(node instanceof YamlScalar s && s.kind() == Kind.INVALID)) {
            problems.add(node.location(), what + " must be " + expected + ", not " + node.describe());
        }
        return Optional.empty();
    }
}
