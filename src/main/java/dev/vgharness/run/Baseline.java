package dev.vgharness.run;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vgharness.memcheck.LeakFingerprint;
import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.result.LeakFinding;
import dev.vgharness.result.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Known leaks (docs/report.md), matched like a Valgrind suppression: same kind, and the entry's stack is a prefix of the
 * record's function names with the allocator frames skipped.
 * <pre>
 * - kind: definitely_lost
 *   stack: [stage, main]
 *   note: "known, fixed in 2.4"
 * </pre>
 */
public record Baseline(List<Entry> entries) {

    /** How many frames a written entry keeps: enough to tell leaks apart, few enough to survive refactoring. */
    static final int WRITTEN_FRAMES = 8;

    public Baseline {
        entries = List.copyOf(entries);
    }

    /** One known leak. */
    public record Entry(LeakKind kind, List<String> stack, String note) {
        public Entry {
            requireNonNull(kind, "kind is null");
            stack = List.copyOf(stack);
        }

        public boolean matches(LossRecord record) {
            List<String> functions = LeakFingerprint.of(record).functions();
            return record.kind() == kind && functions.size() >= stack.size()
                    && functions.subList(0, stack.size()).equals(stack);
        }
    }

    public boolean matches(LossRecord record) {
        return entries.stream().anyMatch(e -> e.matches(record));
    }

    /** Reads a baseline file; a problem is one {@link BaselineException} line naming the file and the entry. */
    public static Baseline read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new BaselineException(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": " + oneLine(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new Baseline(List.of());
        }
        if (!root.isArray()) {
            throw new BaselineException(file + ": a baseline is a list of {kind, stack, note} entries");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            entries.add(entry(file, i + 1, root.get(i)));
        }
        return new Baseline(entries);
    }

    private static Entry entry(Path file, int number, JsonNode node) {
        String where = file + ": entry " + number + ": ";
        if (!node.isObject()) {
            throw new BaselineException(where + "expected {kind, stack, note}");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!List.of("kind", "stack", "note").contains(name)) {
                throw new BaselineException(where + "unknown key '" + name + "' (keys: kind, stack, note)");
            }
        });
        String kindText = node.path("kind").asText("");
        LeakKind kind = Arrays.stream(LeakKind.values()).filter(k -> k.key().equals(kindText)).findFirst()
                .orElseThrow(() -> new BaselineException(where + "kind '" + kindText
                        + "' is not one of definitely_lost, indirectly_lost, possibly_lost, still_reachable"));
        JsonNode stack = node.path("stack");
        if (!stack.isArray() || stack.isEmpty()) {
            throw new BaselineException(where + "'stack' must be a non-empty list of function names");
        }
        List<String> functions = new ArrayList<>();
        stack.forEach(f -> functions.add(f.asText()));
        JsonNode note = node.get("note");
        return new Entry(kind, functions, note == null || note.isNull() ? null : note.asText());
    }

    /** A baseline of every lost leak of a run (definitely, indirectly, possibly), one entry per identity. */
    public static Baseline of(RunResult run) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (LeakFinding found : LeakFinding.lostLeaks(run)) {
            List<String> functions = found.record().fingerprint().functions();
            List<String> top = functions.subList(0, Math.min(WRITTEN_FRAMES, functions.size()));
            String note = "found by vgharness in case " + found.caseName() + " (" + found.record().bytes()
                    + " bytes in " + found.record().blocks() + " blocks)";
            entries.putIfAbsent(found.record().kind().key() + "|" + String.join("|", top),
                    new Entry(found.record().kind(), top, note));
        }
        return new Baseline(new ArrayList<>(entries.values()));
    }

    /** The YAML text: every name in double quotes, since C++ names hold commas, colons and brackets. */
    public String toYaml() {
        ObjectMapper json = new ObjectMapper();
        StringBuilder text = new StringBuilder("# vgharness baseline: known leaks, matched by kind and top frames\n");
        try {
            for (Entry e : entries) {
                text.append("- kind: ").append(e.kind().key()).append('\n');
                List<String> quoted = new ArrayList<>();
                for (String f : e.stack()) {
                    quoted.add(json.writeValueAsString(f));
                }
                text.append("  stack: [").append(String.join(", ", quoted)).append("]\n");
                text.append("  note: ").append(e.note() == null ? "null" : json.writeValueAsString(e.note())).append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always has a JSON form", e);
        }
        return text.toString();
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toYaml(), StandardCharsets.UTF_8);
    }

    /** An entry that matches this record, if any. */
    public Optional<Entry> match(LossRecord record) {
        return entries.stream().filter(e -> e.matches(record)).findFirst();
    }

    /** SnakeYAML's message without its indented excerpt lines: {@code while parsing ...: expected ',' or ']'}. */
    private static String oneLine(String message) {
        return String.join(": ", message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .toList());
    }

    /** A baseline file that cannot be used: one line, file and entry named. */
    public static final class BaselineException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BaselineException(String message) {
            super(message);
        }
    }
}
