package dev.vgharness.plan;

import dev.vgharness.plan.ExpectationReader.Scope;
import dev.vgharness.plan.YamlNode.Kind;
import dev.vgharness.plan.YamlNode.Location;
import dev.vgharness.plan.YamlNode.YamlList;
import dev.vgharness.plan.YamlNode.YamlMap;
import dev.vgharness.plan.YamlNode.YamlScalar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the plan's {@code defaults:} and its cases ({@code - name: growth, command: [./bin/server], ...}) and
 * merges the two.
 */
final class CaseReader {

    static final List<String> CASE_KEYS =
            List.of("name", "command", "cwd", "env", "stdin", "timeout", "valgrind", "breakpoints", "expect", "mode",
                    "malloc", "sample", "on_error", "attach", "find_lost", "children");
    static final List<String> DEFAULT_KEYS =
            List.of("command", "cwd", "env", "stdin", "timeout", "valgrind", "expect", "mode", "malloc");
    static final List<String> SAMPLE_KEYS = List.of("every", "for");
    static final List<String> CHILDREN_KEYS = List.of("expect");
    static final List<String> VALGRIND_KEYS = List.of("options", "suppressions");

    private final Values values;
    private final ExpectationReader expectations;
    private final BreakpointReader breakpoints;
    private final ErrorStopReader errorStops;
    private final AttachReader attachments;
    private final FindLostReader findLost;
    private final Map<String, Location> names = new HashMap<>();

    CaseReader(Values values) {
        this.values = values;
        this.expectations = new ExpectationReader(values);
        this.breakpoints = new BreakpointReader(values);
        this.errorStops = new ErrorStopReader(values);
        this.attachments = new AttachReader(values);
        this.findLost = new FindLostReader(values);
    }

    CaseDraft defaults(YamlNode node) {
        return values.map(node, "'defaults'").map(map -> draft(new Fields(map, "defaults", PlanMap.DEFAULTS, Map.of(
                "name", "'name' cannot be set in defaults, only in a case",
                "breakpoints", "'breakpoints' cannot be set in defaults, only in a case",
                "sample", "'sample' cannot be set in defaults, only in a case",
                "on_error", "'on_error' cannot be set in defaults, only in a case",
                "attach", "'attach' cannot be set in defaults, only in a case",
                "find_lost", "'find_lost' cannot be set in defaults, only in a case",
                "children", "'children' cannot be set in defaults, only in a case"), values.problems())))
                .orElse(CaseDraft.EMPTY);
    }

    /** @param number the case's 1-based position, naming it in messages when it has no usable name */
    Optional<CaseSpec> read(YamlNode node, int number, CaseDraft defaults) {
        Optional<YamlMap> map = values.map(node, "case #" + number);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = new Fields(map.get(), context(map.get(), number), PlanMap.CASE, values.problems());
        Optional<String> name = fields.require("name").flatMap(n -> values.nonEmptyString(n, fields.what("name")));
        name.ifPresent(n -> unique(n, fields.get("name").get().location()));
        CaseDraft merged = draft(fields).over(defaults);
        List<BreakpointSpec> stops = fields.get("breakpoints").map(n -> breakpoints(n, fields)).orElse(List.of());
        Optional<SampleSchedule> sample = fields.get("sample").flatMap(n -> sample(n, fields));
        Optional<ErrorStops> onError = fields.get("on_error")
                .flatMap(n -> errorStops.read(n, fields.what("on_error"), fields.context()));
        Optional<FindLost> find = fields.get("find_lost")
                .flatMap(n -> findLost.read(n, fields.what("find_lost"), fields.context()));
        CaseMode mode = merged.mode().orElse(CaseMode.MEMCHECK);
        nativeOnlyActions(fields, mode, stops);
        if (fields.get("attach").isPresent()) {
            attachments.check(fields, mode, sample);
            if (find.isPresent()) {
                values.problems().add(fields.get("find_lost").get().location(), fields.what("find_lost")
                        + " runs the program a second time: it needs a command, not an attached process");
            }
            Optional<AttachSpec> attach = attachments.read(fields.get("attach").get(), fields);
            return name.flatMap(n -> attach.map(a -> new CaseSpec(n, List.of(), values.folder(), Map.of(),
                    Optional.empty(), merged.timeout(), List.of(), List.of(), stops,
                    List.copyOf(merged.expectations().values()), mode, MallocTuning.NONE, sample, onError,
                    Optional.of(a))));
        }
        if (merged.command().isEmpty() && fields.get("command").isEmpty()) {
            values.problems().add(fields.location(), fields.missing("command"));
        }
        if (onError.isPresent() && merged.mode().orElse(CaseMode.MEMCHECK) == CaseMode.NATIVE) {
            values.problems().add(fields.get("on_error").get().location(), fields.what("on_error")
                    + " needs Memcheck: a case in mode native has no Memcheck errors to stop at");
        }
        if (find.isPresent() && merged.mode().orElse(CaseMode.MEMCHECK) == CaseMode.NATIVE) {
            values.problems().add(fields.get("find_lost").get().location(), fields.what("find_lost")
                    + " needs Memcheck: a case in mode native finds no leaks to follow");
        }
        if (name.isEmpty() || merged.command().isEmpty()) {
            return Optional.empty();
        }
        List<Expectation> childExpect = fields.get("children").map(n -> children(n, fields)).orElse(List.of());
        return Optional.of(new CaseSpec(name.get(), resolved(merged.command().get()),
                merged.cwd().orElse(values.folder()), merged.env(), merged.stdin(), merged.timeout(),
                merged.valgrindOptions(), merged.suppressions(), stops, List.copyOf(merged.expectations().values()),
                mode, merged.malloc(), sample, onError, Optional.empty(), find, childExpect));
    }

    /** {@code malloc_trim} calls glibc's malloc in the target: under valgrind there is none to call. */
    private void nativeOnlyActions(Fields fields, CaseMode mode, List<BreakpointSpec> stops) {
        boolean trims = stops.stream().flatMap(b -> b.actions().stream()).anyMatch(a -> a instanceof MallocTrimAction);
        if (trims && mode != CaseMode.NATIVE) {
            values.problems().add(fields.get("breakpoints").get().location(), "action 'malloc_trim' in "
                    + fields.context() + " needs mode: native (under valgrind, malloc is valgrind's own)");
        }
    }

    private static String context(YamlMap map, int number) {
        return map.entry("name").map(YamlNode.Entry::value)
                .filter(v -> v instanceof YamlScalar s && s.kind() == Kind.STRING && !s.text().isBlank())
                .map(v -> "case '" + ((YamlScalar) v).text() + "'").orElse("case #" + number);
    }

    private void unique(String name, Location location) {
        Location first = names.putIfAbsent(name, location);
        if (first != null) {
            values.problems().add(location, "duplicate case name '" + name + "' (first at line " + first.line() + ")");
        }
    }

    private CaseDraft draft(Fields f) {
        Optional<List<String>> command = f.get("command").flatMap(n -> command(n, f.what("command")));
        Optional<Path> cwd = f.get("cwd").flatMap(n -> values.path(n, f.what("cwd")));
        Map<String, String> env = f.get("env").flatMap(n -> values.stringMap(n, f.what("env"))).orElse(Map.of());
        Optional<Path> stdin = f.get("stdin").flatMap(n -> values.existingFile(n, f.what("stdin")));
        Optional<Duration> timeout = f.get("timeout").flatMap(n -> values.duration(n, f.what("timeout")));
        Optional<YamlMap> valgrind = f.get("valgrind").flatMap(n -> values.map(n, f.what("valgrind")));
        Fields vg = valgrind.map(m -> new Fields(m, "valgrind of " + f.context(), PlanMap.VALGRIND, values.problems()))
                .orElse(null);
        List<String> options = vg == null ? List.of() : vg.get("options").flatMap(n -> options(n, vg.what("options")))
                .orElse(List.of());
        List<Path> suppressions = vg == null ? List.of()
                : vg.get("suppressions").map(n -> suppressions(n, vg.what("suppressions"))).orElse(List.of());
        Map<String, Expectation> expect = f.get("expect")
                .map(n -> expectations.read(n, f.context(), Scope.CASE)).orElse(Map.of());
        Optional<CaseMode> mode = f.get("mode").flatMap(n -> mode(n, f.what("mode")));
        MallocTuning malloc = f.get("malloc").map(n -> malloc(n, f)).orElse(MallocTuning.NONE);
        return new CaseDraft(command, cwd, env, stdin, timeout, options, suppressions, expect, mode, malloc);
    }

    private Optional<CaseMode> mode(YamlNode node, String what) {
        Optional<String> word = values.nonEmptyString(node, what);
        for (CaseMode mode : CaseMode.values()) {
            if (word.isPresent() && mode.key().equals(word.get())) {
                return Optional.of(mode);
            }
        }
        List<String> modes = java.util.Arrays.stream(CaseMode.values()).map(CaseMode::key).toList();
        word.ifPresent(w -> values.problems().add(node.location(), what + " must be one of " + String.join(", ", modes)
                + ", not " + node.describe() + Suggestions.didYouMean(w, modes)));
        return Optional.empty();
    }

    private MallocTuning malloc(YamlNode node, Fields owner) {
        Optional<YamlMap> map = values.map(node, owner.what("malloc"));
        if (map.isEmpty()) {
            return MallocTuning.NONE;
        }
        Fields f = new Fields(map.get(), "malloc of " + owner.context(), PlanMap.MALLOC, values.problems());
        return new MallocTuning(count(f, "mmap_threshold"), count(f, "trim_threshold"), count(f, "arena_max"));
    }

    private java.util.OptionalLong count(Fields f, String key) {
        Optional<Long> n = f.get(key).flatMap(v -> values.integer(v, f.what(key), key.equals("arena_max") ? 1 : 0));
        return n.map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty());
    }

    /** {@code children: {expect: ...}}: the metrics of a case's {@code expect}, checked for every child process. */
    private List<Expectation> children(YamlNode node, Fields owner) {
        Optional<YamlMap> map = values.map(node, owner.what("children"));
        if (map.isEmpty()) {
            return List.of();
        }
        Fields f = new Fields(map.get(), "children of " + owner.context(), PlanMap.CHILDREN, values.problems());
        return f.get("expect").map(n -> List.copyOf(expectations.read(n, f.context(), Scope.CASE).values()))
                .orElse(List.of());
    }

    private Optional<SampleSchedule> sample(YamlNode node, Fields owner) {
        Optional<YamlMap> map = values.map(node, owner.what("sample"));
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Fields f = new Fields(map.get(), "sample of " + owner.context(), PlanMap.SAMPLE, values.problems());
        Optional<Duration> every = f.require("every").flatMap(n -> values.duration(n, f.what("every")));
        Optional<Duration> span = f.require("for").flatMap(n -> values.duration(n, f.what("for")));
        if (every.isPresent() && every.get().isZero()) {
            values.problems().add(f.get("every").get().location(), f.what("every") + " must be more than 0s");
            return Optional.empty();
        }
        return every.isPresent() && span.isPresent() ? Optional.of(new SampleSchedule(every.get(), span.get()))
                : Optional.empty();
    }

    /** argv as a list; arguments may be empty strings, the program may not. */
    private Optional<List<String>> command(YamlNode node, String what) {
        if (!(node instanceof YamlList list)) {
            return values.wrong(node, what, "a list of arguments such as [./server, --port, \"80\"] (no shell)");
        }
        if (list.items().isEmpty()) {
            values.problems().add(node.location(), what + " must not be empty: give the program and its arguments");
            return Optional.empty();
        }
        List<String> argv = new ArrayList<>();
        values.text(list.items().get(0), "the program in " + what).ifPresent(program -> {
            if (program.isBlank()) {
                values.problems().add(list.items().get(0).location(), "the program in " + what + " must not be empty");
            } else {
                argv.add(program);
            }
        });
        list.items().stream().skip(1).forEach(item -> values.text(item, "an item of " + what).ifPresent(argv::add));
        return argv.size() == list.items().size() ? Optional.of(argv) : Optional.empty();
    }

    private Optional<List<String>> options(YamlNode node, String what) {
        Optional<YamlList> list = values.list(node, what);
        List<String> options = new ArrayList<>();
        for (YamlNode item : list.map(YamlList::items).orElse(List.of())) {
            values.nonEmptyString(item, "an item of " + what).ifPresent(option -> {
                if (option.startsWith("-")) {
                    options.add(option);
                } else {
                    values.problems().add(item.location(), "an item of " + what + " must be a Valgrind option starting"
                            + " with '-', not " + item.describe());
                }
            });
        }
        return list.map(l -> options);
    }

    private List<Path> suppressions(YamlNode node, String what) {
        List<Path> files = new ArrayList<>();
        values.list(node, what).ifPresent(l -> l.items()
                .forEach(item -> values.existingFile(item, what).ifPresent(files::add)));
        return files;
    }

    private List<BreakpointSpec> breakpoints(YamlNode node, Fields fields) {
        List<BreakpointSpec> specs = new ArrayList<>();
        Optional<YamlList> list = values.list(node, fields.what("breakpoints"));
        Map<String, Location> ids = new HashMap<>();
        List<YamlNode> items = list.map(YamlList::items).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            breakpoints.read(items.get(i), i + 1, fields.context(), ids).ifPresent(specs::add);
        }
        return specs;
    }

    /** argv[0] with a '/' is relative to the plan's folder; a bare name is left for PATH, like execvp does. */
    private List<String> resolved(List<String> argv) {
        List<String> resolved = new ArrayList<>(argv);
        if (argv.get(0).contains("/")) {
            resolved.set(0, values.folder().resolve(argv.get(0)).normalize().toString());
        }
        return resolved;
    }
}
