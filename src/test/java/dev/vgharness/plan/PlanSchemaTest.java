package dev.vgharness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vgharness.DocSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/schemas/plan.schema.json against the readers: the same keys in every map, the same action names, metrics
 * and words, and every plan of the repository valid under both.
 */
class PlanSchemaTest {

    private static final JsonNode SCHEMA = DocSchemas.tree("plan.schema.json");

    private static Set<String> properties(String pointer) {
        JsonNode node = SCHEMA.at(pointer + "/properties");
        assertFalse(node.isMissingNode(), "the plan schema has no properties at " + pointer);
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> words(String pointer) {
        JsonNode node = SCHEMA.at(pointer);
        assertTrue(node.isArray(), "the plan schema has no list at " + pointer);
        Set<String> words = new TreeSet<>();
        node.forEach(w -> words.add(w.asText()));
        return words;
    }

    private static <E> Set<String> words(E[] values, Function<E, String> word) {
        return Arrays.stream(values).map(word).collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @EnumSource(PlanMap.class)
    void everyMapTheReadersCheckHasExactlyTheirKeysInTheSchema(PlanMap map) {
        assertEquals(new TreeSet<>(map.keys()), properties(map.schemaPointer()),
                map + " at " + map.schemaPointer() + ": keys the reader accepts vs. keys the schema describes");
    }

    @Test
    void everyKeyOfThePlanSchemaHasADescription() {
        List<String> undescribed = new ArrayList<>();
        for (PlanMap map : PlanMap.values()) {
            SCHEMA.at(map.schemaPointer() + "/properties").fields().forEachRemaining(p -> {
                JsonNode value = p.getValue();
                String ref = value.path("$ref").asText("");
                boolean described = value.has("description")
                        || !ref.isEmpty() && SCHEMA.at(ref.substring(1) + "/description").isTextual();
                if (!described) {
                    undescribed.add(map + "." + p.getKey());
                }
            });
        }
        assertEquals(List.of(), undescribed);
    }

    @Test
    void theActionNamesAreTheReadersOnes() {
        Set<String> keys = new TreeSet<>(ActionReader.NAMES);
        keys.add(ActionReader.ALLOW_FAILURE);
        assertEquals(keys, properties("/$defs/action_map"));
    }

    @Test
    void theExpectMetricsAreThoseAllowedAtACaseAndAtABreakpoint() {
        Set<String> atCase = Arrays.stream(Metric.values()).filter(Metric::allowedAtCase).map(Metric::key)
                .collect(Collectors.toCollection(TreeSet::new));
        atCase.add("signal");
        Set<String> atBreakpoint = Arrays.stream(Metric.values()).filter(Metric::allowedAtBreakpoint)
                .map(Metric::key).collect(Collectors.toCollection(TreeSet::new));

        assertEquals(atCase, properties("/$defs/case_expect"));
        assertEquals(atBreakpoint, properties("/$defs/breakpoint_expect"));
    }

    @Test
    void theWordsOfModesDeltasHeuristicsAndKindsAreTheReadersOnes() {
        assertEquals(words(CaseMode.values(), CaseMode::key), words("/$defs/mode/enum"));
        assertEquals(words(LeakCheckAction.Mode.values(), LeakCheckAction.Mode::word),
                words("/$defs/leak_check/properties/mode/enum"));
        assertEquals(words(LeakCheckAction.Delta.values(), LeakCheckAction.Delta::word),
                words("/$defs/leak_check/properties/delta/enum"));
        assertEquals(words(LeakCheckAction.Heuristic.values(), LeakCheckAction.Heuristic::word),
                words("/$defs/leak_check/properties/heuristics/anyOf/1/items/enum"));
        assertEquals(words(LossKind.values(), LossKind::word), words("/$defs/loss_kinds/anyOf/1/items/enum"));
    }

    /** Every plan of the repository: the YAML and JSON files of fixtures/ (but the invalid plans) and docs/examples. */
    static Stream<Path> plans() throws IOException {
        List<Path> plans = new ArrayList<>();
        for (Path folder : List.of(Path.of("fixtures"), Path.of("docs/examples"))) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$"))
                        .filter(f -> !f.startsWith(Path.of("fixtures/plans/invalid")))
                        .filter(PlanSchemaTest::isPlan)
                        .forEach(plans::add);
            }
        }
        assertTrue(plans.size() >= 8, () -> "too few plans found: " + plans);
        return plans.stream().sorted();
    }

    /** A plan is a map with cases; the other YAML and JSON files there (baselines, schemas) are not. */
    private static boolean isPlan(Path file) {
        try {
            return new YAMLMapper().readTree(file.toFile()).has("cases");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("plans")
    void everyPlanOfTheRepositoryIsValidForTheReaderAndTheSchema(Path plan) throws Exception {
        PlanLoader.load(plan);
        assertEquals(Set.of(), DocSchemas.planProblems(plan), plan.toString());
    }

    @Test
    void theSchemaRejectsThePlanWithManyProblems() {
        Set<String> problems = DocSchemas.planProblems(Path.of("fixtures/plans/invalid/many-problems.yaml"));

        assertTrue(problems.stream().anyMatch(p -> p.contains("comand")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("max_hits")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("version")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("timeout")), problems::toString);
    }

    @Test
    void theSchemaRejectsWhatTheReaderRejects() throws Exception {
        String good = """
                cases:
                  - name: c
                    command: [./prog, 40, true]
                    breakpoints:
                      - id: b
                        at: main
                        actions: [leak_check, {leak_check: }, {block_list: {records: [1]}},
                                  {who_points_at: {address: 0x4a5a040, length: 16}}]
                        expect: {new_definitely_lost_bytes: "<= 24", hits: 1}
                    expect: {exit_code: 0, signal: null}
                """;
        PlanLoader.parse(Path.of("plan.yaml"), good);
        assertEquals(Set.of(), DocSchemas.planProblems(good));
        for (String[] bad : new String[][] {
                {"expect: {exit_code: 0", "expect: {exit_code: \"about 0\""},
                {"expect: {exit_code: 0", "expect: {hits: 0"},
                {"hits: 1", "exit_code: 0"},
                {"at: main", "at: main\n        max_hits: 0"},
                {"command: [./prog, 40, true]", "command: []"},
                {"command: [./prog, 40, true]", "command: [./prog]\n    timeout: 90"},
                {"{block_list: {records: [1]}}", "{block_list: {records: [1], kinds: all}}"},
                {"{who_points_at: {address: 0x4a5a040, length: 16}}", "{who_points_at: {kinds: all, length: 16}}"},
                {"leak_check, {leak_check: }", "leak_check, block_list"},
                {"{leak_check: }", "{leak_check: {delta: old}}"},
                {"- name: c\n", "- name: c\n    breakpiont: []\n"},
                {"- name: c\n    command: [./prog, 40, true]\n", "- name: c\n"}}) {
            String plan = good.replace(bad[0], bad[1]);
            assertTrue(!plan.equals(good), bad[0]);
            assertThrows(plan);
            assertFalse(DocSchemas.planProblems(plan).isEmpty(), "the schema accepts:\n" + plan);
        }
    }

    private static void assertThrows(String yaml) {
        org.junit.jupiter.api.Assertions.assertThrows(PlanException.class,
                () -> PlanLoader.parse(Path.of("plan.yaml"), yaml), "the reader accepts:\n" + yaml);
    }

    @Test
    void aCommandInTheDefaultsIsEnoughForEveryCase() {
        assertEquals(Set.of(), DocSchemas.planProblems("defaults: {command: [./prog]}\ncases: [{name: a}, {name: b}]\n"));
        assertFalse(DocSchemas.planProblems("defaults: {timeout: 5m}\ncases: [{name: a}]\n").isEmpty());
    }
}
