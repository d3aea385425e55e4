package dev.vgharness.plan;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * A node of a YAML document with the line and column where it starts, e.g. the value {@code 60s} of
 * {@code timeout: 60s} at 9:14. Jackson's tree model drops locations, so the plan reader builds this one.
 */
sealed interface YamlNode permits YamlNode.YamlMap, YamlNode.YamlList, YamlNode.YamlScalar {

    Location location();

    /** How the node is named in a "must be ..., not X" message: {@code "x"}, {@code 5}, {@code a list}. */
    String describe();

    /** A 1-based line and column in the plan file. */
    record Location(int line, int col) implements Comparable<Location> {
        @Override
        public int compareTo(Location other) {
            return line != other.line ? Integer.compare(line, other.line) : Integer.compare(col, other.col);
        }
    }

    /** A mapping whose keys are unique and kept in file order. */
    record YamlMap(Location location, List<Entry> entries) implements YamlNode {
        public YamlMap {
            requireNonNull(location, "location is null");
            entries = List.copyOf(entries);
        }

        Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    /** One key of a mapping, with the key's own location. */
    record Entry(String key, Location keyLocation, YamlNode value) {
        public Entry {
            requireNonNull(key, "key is null");
            requireNonNull(keyLocation, "keyLocation is null");
            requireNonNull(value, "value is null");
        }
    }

    /** A sequence. */
    record YamlList(Location location, List<YamlNode> items) implements YamlNode {
        public YamlList {
            requireNonNull(location, "location is null");
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** What a scalar resolved to. INVALID marks a value already reported (a custom tag, an alias): never used. */
    enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL, INVALID }

    /** A scalar with its text as written; {@code integer} is set for INTEGER only. */
    record YamlScalar(Location location, Kind kind, String text, BigInteger integer) implements YamlNode {
        public YamlScalar {
            requireNonNull(location, "location is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(text, "text is null");
            if ((kind == Kind.INTEGER) != (integer != null)) {
                throw new IllegalArgumentException("integer must be set exactly for INTEGER scalars");
            }
        }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> quote(text);
                case NULL -> "null";
                default -> text;
            };
        }

        static String quote(String text) {
            return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
        }
    }
}
