package dev.vgharness.run;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vgharness.memcheck.LeakIdentity;
import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LeakSites;
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
 * record's function names with the allocator frames skipped. An entry may also name the allocator the code called
 * and the sites of its first frames ({@link LeakSites}): then only the leaks at those sites match, so one function's
 * other allocations stay reported. Entries without them (older files, or trimmed by hand) match as before.
 * <pre>
 * - kind: definitely_lost
 *   allocator: "malloc"
 *   stack: ["stage", "main"]
 *   sites: ["3f9a01c2:1", "77b0e1aa:1"]
 *   note: "known, fixed in 2.4"
 * </pre>
 */
public record Baseline(List<Entry> entries) {

    /** How many frames a written entry keeps: enough to tell leaks apart, few enough to survive refactoring. */
    static final int WRITTEN_FRAMES = 8;
    private static final List<String> KEYS = List.of("kind", "allocator", "stack", "sites", "note");

    public Baseline {
        entries = List.copyOf(entries);
    }

    /**
     * One known leak.
     *
     * @param allocator the allocator's bare name ({@code malloc}, {@code operator new[]}), or null for any
     * @param sites the sites of the first frames of {@code stack}, at most one per frame; empty for any
     */
    public record Entry(LeakKind kind, String allocator, List<String> stack, List<String> sites, String note) {
        public Entry {
            requireNonNull(kind, "kind is null");
            stack = List.copyOf(stack);
            sites = List.copyOf(sites);
            if (sites.size() > stack.size()) {
                throw new IllegalArgumentException(sites.size() + " sites for " + stack.size() + " frames");
            }
        }

        /** An entry of kind and function names only, as older baselines have. */
        public Entry(LeakKind kind, List<String> stack, String note) {
            this(kind, null, stack, List.of(), note);
        }

        public boolean matches(LeakIdentity identity) {
            List<String> functions = identity.functions();
            return identity.kind() == kind && (allocator == null || allocator.equals(identity.allocator()))
                    && functions.size() >= stack.size() && functions.subList(0, stack.size()).equals(stack)
                    && identity.sites().subList(0, sites.size()).equals(sites);
        }
    }

    public boolean matches(LeakIdentity identity) {
        return entries.stream().anyMatch(e -> e.matches(identity));
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
            throw new BaselineException(file + ": a baseline is a list of {kind, allocator, stack, sites, note} entries");
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
            throw new BaselineException(where + "expected {kind, allocator, stack, sites, note}");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!KEYS.contains(name)) {
                throw new BaselineException(where + "unknown key '" + name + "' (keys: " + String.join(", ", KEYS) + ")");
            }
        });
        String kindText = node.path("kind").asText("");
        LeakKind kind = Arrays.stream(LeakKind.values()).filter(k -> k.key().equals(kindText)).findFirst()
                .orElseThrow(() -> new BaselineException(where + "kind '" + kindText
                        + "' is not one of definitely_lost, indirectly_lost, possibly_lost, still_reachable"));
        List<String> functions = texts(node.path("stack"));
        if (functions == null || functions.isEmpty()) {
            throw new BaselineException(where + "'stack' must be a non-empty list of function names");
        }
        JsonNode note = node.get("note");
        return new Entry(kind, allocator(where, node), functions, sites(where, node, functions.size()),
                note == null || note.isNull() ? null : note.asText());
    }

    /** The entry's sites: none when absent, else at most one per stack frame, each a site. */
    private static List<String> sites(String where, JsonNode node, int frames) {
        List<String> sites = node.has("sites") ? texts(node.get("sites")) : List.of();
        if (sites == null || sites.size() > frames || !sites.stream().allMatch(s -> LeakSites.SITE.matcher(s).matches())) {
            throw new BaselineException(where + "'sites' must be a list of at most one site per stack frame, each "
                    + "like 3f9a01c2:1, #2 or -");
        }
        return sites;
    }

    /** The entry's allocator, or null for any. */
    private static String allocator(String where, JsonNode node) {
        JsonNode allocator = node.get("allocator");
        if (allocator == null || allocator.isNull()) {
            return null;
        }
        if (!allocator.isTextual() || allocator.asText().isBlank()) {
            throw new BaselineException(where + "'allocator' must be a function name such as malloc");
        }
        return allocator.asText();
    }

    /** The strings of a YAML list, or null when it is not a list of scalars. */
    private static List<String> texts(JsonNode list) {
        if (!list.isArray()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isValueNode() || item.isNull()) {
                return null;
            }
            texts.add(item.asText());
        }
        return texts;
    }

    /**
     * A baseline of every lost leak of a run (definitely, indirectly, possibly), one entry per identity, cut to its
     * first frames; identities that differ only below them share the entry, which matches them all.
     */
    public static Baseline of(RunResult run) {
        Map<Entry, List<LeakFinding>> byEntry = new LinkedHashMap<>();
        for (LeakFinding finding : LeakFinding.lostLeaks(run)) {
            LeakIdentity identity = finding.identity();
            int frames = Math.min(WRITTEN_FRAMES, identity.frames().size());
            byEntry.computeIfAbsent(new Entry(identity.kind(), identity.allocator(),
                    identity.functions().subList(0, frames), identity.sites().subList(0, frames), null),
                    e -> new ArrayList<>()).add(finding);
        }
        List<Entry> entries = new ArrayList<>(byEntry.size());
        byEntry.forEach((e, findings) -> entries.add(new Entry(e.kind(), e.allocator(), e.stack(), e.sites(),
                note(findings))));
        return new Baseline(entries);
    }

    /** {@code found by vgharness in case c at sites.c:9 (6 bytes in 1 blocks)}: where the sites were when written. */
    private static String note(List<LeakFinding> findings) {
        List<String> cases = findings.stream().flatMap(f -> f.cases().stream()).distinct().toList();
        String at = LeakIdentity.belowAllocator(findings.get(0).stacks().get(0)).stream().findFirst()
                .filter(f -> f.file() != null).map(f -> " at " + f.file() + (f.line() == null ? "" : ":" + f.line()))
                .orElse("");
        return "found by vgharness in case" + (cases.size() > 1 ? "s " : " ") + String.join(", ", cases) + at + " ("
                + findings.stream().mapToLong(LeakFinding::bytes).sum() + " bytes in "
                + findings.stream().mapToLong(LeakFinding::blocks).sum() + " blocks)";
    }

    /** The YAML text: every name in double quotes, since C++ names hold commas, colons and brackets. */
    public String toYaml() {
        ObjectMapper json = new ObjectMapper();
        StringBuilder text = new StringBuilder("# vgharness baseline: known leaks, matched by kind, allocator, top "
                + "frames and their sites (leakIdentity/v2)\n");
        try {
            for (Entry e : entries) {
                text.append("- kind: ").append(e.kind().key()).append('\n');
                if (e.allocator() != null) {
                    text.append("  allocator: ").append(json.writeValueAsString(e.allocator())).append('\n');
                }
                text.append("  stack: ").append(flowList(json, e.stack())).append('\n');
                if (!e.sites().isEmpty()) {
                    text.append("  sites: ").append(flowList(json, e.sites())).append('\n');
                }
                text.append("  note: ").append(e.note() == null ? "null" : json.writeValueAsString(e.note())).append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always has a JSON form", e);
        }
        return text.toString();
    }

    /** {@code ["a", "b"]}. */
    private static String flowList(ObjectMapper json, List<String> items) throws JsonProcessingException {
        List<String> quoted = new ArrayList<>();
        for (String item : items) {
            quoted.add(json.writeValueAsString(item));
        }
        return "[" + String.join(", ", quoted) + "]";
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toYaml(), StandardCharsets.UTF_8);
    }

    /** An entry that matches this identity, if any. */
    public Optional<Entry> match(LeakIdentity identity) {
        return entries.stream().filter(e -> e.matches(identity)).findFirst();
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
