package dev.vgharness.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vgharness.plan.YamlNode.Entry;
import dev.vgharness.plan.YamlNode.Kind;
import dev.vgharness.plan.YamlNode.Location;
import dev.vgharness.plan.YamlNode.YamlList;
import dev.vgharness.plan.YamlNode.YamlMap;
import dev.vgharness.plan.YamlNode.YamlScalar;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads YAML (or JSON) text into a located {@link YamlNode} tree with Jackson's streaming parser, which never
 * constructs objects from tags. Tags other than YAML's core ones ({@code !!java.net.URL x}, {@code !custom})
 * and aliases ({@code *anchor}) are reported and their values marked INVALID; syntax errors become one located
 * problem with SnakeYAML's message and no stack trace. Jackson does not expose tags on mapping keys; they are
 * harmless because keys are only ever read as text.
 */
final class YamlTreeReader {

    private static final String CORE = "tag:yaml.org,2002:";
    private static final Set<String> CORE_TAGS = Set.of(
            CORE + "str", CORE + "int", CORE + "float", CORE + "bool", CORE + "null", CORE + "map", CORE + "seq");

    private final JsonParser parser;
    private final Problems problems;

    private YamlTreeReader(JsonParser parser, Problems problems) {
        this.parser = parser;
        this.problems = problems;
    }

    /** The document's root, or empty when the text could not be parsed (the reason is in {@code problems}). */
    static Optional<YamlNode> read(String text, boolean json, Problems problems) {
        JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Location(1, 1), "the plan is empty");
                return Optional.empty();
            }
            YamlNode root = new YamlTreeReader(parser, problems).node(first);
            if (parser.nextToken() != null) {
                problems.add(location(parser.currentTokenLocation()),
                        "a plan file holds one document; remove the second one");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            problems.add(SyntaxErrors.location(e), SyntaxErrors.message(e));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(new Location(1, 1), "cannot read the plan: " + e.getMessage());
            return Optional.empty();
        }
    }

    private YamlNode node(JsonToken token) throws IOException {
        Location location = location(parser.currentTokenLocation());
        boolean accepted = acceptTag(location);
        YamlNode node = switch (token) {
            case START_OBJECT -> map(location);
            case START_ARRAY -> list(location);
            default -> accepted ? scalar(token, location) : null;
        };
        // A rejected value is read to its end (so parsing goes on) but never used.
        return accepted ? node : invalid(location);
    }

    private YamlMap map(Location location) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String key = parser.currentName();
            Location keyLocation = location(parser.currentTokenLocation());
            YamlNode value = node(parser.nextToken());
            Location first = seen.putIfAbsent(key, keyLocation);
            if (first != null) {
                problems.add(keyLocation, "duplicate key '" + key + "' (first at line " + first.line() + ")");
            } else {
                entries.add(new Entry(key, keyLocation, value));
            }
        }
        return new YamlMap(location, entries);
    }

    private YamlList list(Location location) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            items.add(node(t));
        }
        return new YamlList(location, items);
    }

    private YamlNode scalar(JsonToken token, Location location) throws IOException {
        String text = parser.getText();
        if (isAlias()) {
            problems.add(location, "aliases (*" + text + ") are not supported; use 'defaults:' to share settings");
            return invalid(location);
        }
        return switch (token) {
            case VALUE_STRING -> new YamlScalar(location, Kind.STRING, text, null);
            case VALUE_NUMBER_INT -> new YamlScalar(location, Kind.INTEGER, text, parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> new YamlScalar(location, Kind.FLOAT, text, null);
            case VALUE_TRUE, VALUE_FALSE -> new YamlScalar(location, Kind.BOOLEAN, text, null);
            case VALUE_NULL -> new YamlScalar(location, Kind.NULL, text, null);
            default -> {
                problems.add(location, "unsupported value " + YamlScalar.quote(text));
                yield invalid(location);
            }
        };
    }

    private boolean isAlias() {
        return parser instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml && yaml.isCurrentAlias();
    }

    /** Only YAML's core tags are accepted: anything else asks for a type we will never construct. */
    private boolean acceptTag(Location location) throws IOException {
        Object tag = parser.canReadTypeId() ? parser.getTypeId() : null;
        if (tag == null || CORE_TAGS.contains(tag)) {
            return true;
        }
        String text = tag.toString();
        String shown = text.startsWith(CORE) ? "!!" + text.substring(CORE.length()) : "!" + text;
        problems.add(location, "tag " + shown + " is not allowed: a plan holds plain maps, lists and scalars");
        return false;
    }

    private static YamlScalar invalid(Location location) {
        return new YamlScalar(location, Kind.INVALID, "", null);
    }

    static Location location(JsonLocation location) {
        return new Location(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }
}
