package dev.vgharness.plan;

import static dev.vgharness.plan.LossKind.DEFINITE;
import static dev.vgharness.plan.LossKind.POSSIBLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.plan.Comparison.Operator;
import dev.vgharness.plan.LeakCheckAction.Delta;
import dev.vgharness.plan.LeakCheckAction.Heuristic;
import dev.vgharness.plan.LeakCheckAction.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanLoaderTest {

    private static final Path VALID = Path.of("fixtures/plans/valid");

    @TempDir
    Path dir;

    @Test
    void loadsThePlanOfTheSpecIntoTheExactModel() {
        Path path = VALID.resolve("request-handler.yaml");
        Path folder = VALID.toAbsolutePath();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LC_ALL", "C");
        env.put("SERVER_MODE", "test");
        BreakpointSpec afterRequest = new BreakpointSpec("after_request", "server.c:217", Optional.of("n % 10 == 0"),
                0, 5, List.of(
                        LeakCheckAction.defaults(),
                        new LeakCheckAction(Mode.FULL, Set.of(DEFINITE, POSSIBLE), Delta.INCREASED, OptionalInt.of(50),
                                EnumSet.allOf(Heuristic.class)),
                        new BlockListAction(Set.of(DEFINITE), List.of()),
                        new WhoPointsAtAction(Set.of(POSSIBLE), OptionalLong.empty(), 1),
                        new MonitorAction("v.info n_errs_found"),
                        new GdbAction("info threads")),
                List.of(equal(Metric.DEFINITELY_LOST_BYTES, 0),
                        new MetricExpectation(Metric.NEW_DEFINITELY_LOST_BYTES, new Comparison(Operator.LE, 24)),
                        equal(Metric.ERRORS, 0)));
        CaseSpec growth = new CaseSpec("growth", List.of(folder.resolve("bin/server").toString(), "--requests", "40"),
                folder, env, Optional.of(folder.resolve("requests.txt")), Optional.of(Duration.ofSeconds(60)),
                List.of("--num-callers=30", "--track-origins=yes", "--leak-resolution=high"),
                List.of(folder.resolve("known.supp")), List.of(afterRequest),
                List.of(equal(Metric.EXIT_CODE, 0), equal(Metric.ERRORS, 0), equal(Metric.DEFINITELY_LOST_BYTES, 0),
                        new MetricExpectation(Metric.POSSIBLY_LOST_BLOCKS, new Comparison(Operator.LE, 2))));

        Plan plan = PlanLoader.load(path);

        assertEquals(new Plan(1, "request-handler", path, folder, Optional.of("make -C ../native all"),
                List.of(growth)), plan);
    }

    @Test
    void theSpecPlansLeakChecksSayHeuristicsAllExplicitly() {
        List<Action> actions = PlanLoader.load(VALID.resolve("request-handler.yaml"))
                .cases().get(0).breakpoints().get(0).actions();

        assertEquals(List.of("leak_check full reachable any heuristics all",
                "leak_check full kinds definite,possible increased limited 50 heuristics all"),
                actions.stream().filter(LeakCheckAction.class::isInstance).map(LeakCheckAction.class::cast)
                        .map(LeakCheckAction::monitorCommand).toList());
    }

    @Test
    void mergesDefaultsIntoEveryCaseWithTheCasesOwnKeysWinning() throws IOException {
        Files.writeString(dir.resolve("a.supp"), "");
        Files.writeString(dir.resolve("b.supp"), "");
        Files.createDirectories(dir.resolve("work"));
        Path plan = write("""
                version: 1
                defaults:
                  command: [server, --quiet]
                  cwd: work
                  timeout: 2m
                  env: {LC_ALL: C, MODE: default}
                  valgrind: {options: [--num-callers=30], suppressions: [a.supp]}
                  expect: {errors: 0, exit_code: 0}
                cases:
                  - name: inherits
                  - name: overrides
                    command: [./bin/other]
                    timeout: 1m30s
                    env: {MODE: case, EXTRA: "1"}
                    valgrind: {options: [--num-callers=12], suppressions: [b.supp]}
                    expect: {exit_code: 1, definitely_lost_bytes: "< 100"}
                """);

        List<CaseSpec> cases = PlanLoader.load(plan).cases();

        Map<String, String> overriddenEnv = new LinkedHashMap<>();
        overriddenEnv.put("LC_ALL", "C");
        overriddenEnv.put("MODE", "case");
        overriddenEnv.put("EXTRA", "1");
        assertEquals(List.of(
                new CaseSpec("inherits", List.of("server", "--quiet"), dir.resolve("work"),
                        Map.of("LC_ALL", "C", "MODE", "default"), Optional.empty(), Optional.of(Duration.ofMinutes(2)),
                        List.of("--num-callers=30"), List.of(dir.resolve("a.supp")), List.of(),
                        List.of(equal(Metric.ERRORS, 0), equal(Metric.EXIT_CODE, 0))),
                new CaseSpec("overrides", List.of(dir.resolve("bin/other").toString()), dir.resolve("work"),
                        overriddenEnv, Optional.empty(), Optional.of(Duration.ofSeconds(90)),
                        List.of("--num-callers=30", "--num-callers=12"), List.of(dir.resolve("a.supp"), dir.resolve("b.supp")),
                        List.of(), List.of(equal(Metric.ERRORS, 0), equal(Metric.EXIT_CODE, 1),
                                new MetricExpectation(Metric.DEFINITELY_LOST_BYTES, new Comparison(Operator.LT, 100))))),
                cases);
        assertEquals(List.of("LC_ALL", "MODE", "EXTRA"), List.copyOf(cases.get(1).env().keySet()));
    }

    @Test
    void fillsInTheDefaultsOfAMinimalPlan() throws IOException {
        Path plan = write("""
                cases:
                  - name: one
                    command: [true]
                    breakpoints:
                      - {id: stop, at: main}
                """);

        assertEquals(new Plan(1, "plan", plan, dir, Optional.empty(), List.of(new CaseSpec("one", List.of("true"), dir,
                Map.of(), Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(new BreakpointSpec("stop", "main", Optional.empty(), 0, 1, List.of(LeakCheckAction.defaults()),
                        List.of())), List.of()))), PlanLoader.load(plan));
    }

    @Test
    void readsAJsonPlan() throws IOException {
        Path plan = dir.resolve("nightly.json");
        Files.writeString(plan, """
                {"version": 1, "cases": [{"name": "j", "command": ["./a.out", "7"], "timeout": "500ms",
                  "breakpoints": [{"id": "b", "at": "*0x401000", "actions": [{"who_points_at": {"address": "0x4a5a040", "length": 16}},
                    {"block_list": {"records": [3, 7]}}], "expect": {"hits": ">= 1", "new_suppressed_blocks": 0}}],
                  "expect": {"signal": "SIGSEGV"}}]}
                """);

        assertEquals(new Plan(1, "nightly", plan, dir, Optional.empty(), List.of(new CaseSpec("j",
                List.of(dir.resolve("a.out").toString(), "7"), dir, Map.of(), Optional.empty(),
                Optional.of(Duration.ofMillis(500)), List.of(), List.of(),
                List.of(new BreakpointSpec("b", "*0x401000", Optional.empty(), 0, 1, List.of(
                        new WhoPointsAtAction(Set.of(), OptionalLong.of(0x4a5a040L), 16),
                        new BlockListAction(Set.of(), List.of(3, 7))),
                        List.of(new MetricExpectation(Metric.HITS, new Comparison(Operator.GE, 1)),
                                equal(Metric.NEW_SUPPRESSED_BLOCKS, 0)))),
                List.of(new SignalExpectation(Optional.of("SIGSEGV")))))), PlanLoader.load(plan));
    }

    @Test
    void readsJsonTextInAYamlFileBecauseJsonIsYaml() throws IOException {
        Path plan = write("{\"name\": \"as-json\", \"cases\": [{\"name\": \"c\", \"command\": [\"prog\"]}]}");

        assertEquals(new Plan(1, "as-json", plan, dir, Optional.empty(), List.of(new CaseSpec("c", List.of("prog"), dir,
                Map.of(), Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), List.of()))),
                PlanLoader.load(plan));
    }

    @Test
    void acceptsAnUnquotedHexAddressAndANullSignal() throws IOException {
        Path plan = write("""
                cases:
                  - name: c
                    command: [prog]
                    breakpoints:
                      - id: b
                        at: f
                        actions: [{who_points_at: {address: 0x4A5A040}}, leak_check: ~]
                    expect: {signal: null}
                """);

        CaseSpec only = PlanLoader.load(plan).cases().get(0);

        assertEquals(List.of(new WhoPointsAtAction(Set.of(), OptionalLong.of(0x4a5a040L), 1), LeakCheckAction.defaults()),
                only.breakpoints().get(0).actions());
        assertEquals(List.of(new SignalExpectation(Optional.empty())), only.expectations());
    }

    @Test
    void readsTheLimitsOfBlockListAndWhoPointsAtAndWhichActionsMayFail() throws IOException {
        Path plan = write("""
                cases:
                  - name: c
                    command: [prog]
                    breakpoints:
                      - id: b
                        at: f
                        actions:
                          - block_list: {kinds: [definite]}
                          - block_list: {records: [2], limit: unlimited, contents: 4096}
                          - {who_points_at: {kinds: [possible], limit: 5}, allow_failure: true}
                          - who_points_at: {kinds: [possible]}
                          - monitor: "v.info n_errs_found"
                            allow_failure: false
                          - gdb: "print x"
                            allow_failure: true
                """);

        BreakpointSpec b = PlanLoader.load(plan).cases().get(0).breakpoints().get(0);

        assertEquals(List.of(new BlockListAction(Set.of(DEFINITE), List.of(), OptionalInt.of(100)),
                new BlockListAction(Set.of(), List.of(2), OptionalInt.empty(), 4096),
                new WhoPointsAtAction(Set.of(POSSIBLE), OptionalLong.empty(), 1, OptionalInt.of(5)),
                new WhoPointsAtAction(Set.of(POSSIBLE), OptionalLong.empty(), 1, OptionalInt.of(20)),
                new MonitorAction("v.info n_errs_found"), new GdbAction("print x")), b.actions());
        assertEquals(Set.of(2, 5), b.failuresAllowed());
    }

    private static MetricExpectation equal(Metric metric, long value) {
        return new MetricExpectation(metric, Comparison.equalTo(value));
    }

    private Path write(String yaml) throws IOException {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, yaml);
        return plan;
    }
}
