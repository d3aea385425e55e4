package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vgharness.DocSchemas;
import dev.vgharness.EndToEnd;
import dev.vgharness.Fixtures;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
import dev.vgharness.plan.Plan;
import dev.vgharness.plan.PlanLoader;
import dev.vgharness.report.ReportJson;
import dev.vgharness.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases run at once do not cross: 8 cases with --jobs 4 give the report of --jobs 1, times and pids apart. */
@EndToEnd({Tool.VALGRIND, Tool.GDB, Tool.COMPILERS})
class ParallelCasesTest {

    /**
     * Times (the harness's own too), pids and the process's memory (RSS and its split) differ from run to run; so do
     * addresses under valgrind 3.27, which now and then maps libc and the heap one page (0x1000) higher in one run
     * than in the other for the same program and arguments. Functions, files, lines, sizes and counts must match.
     */
    private static final Set<String> VARYING = Set.of("pid", "duration_ms", "rss_kb", "started_at", "memory",
            "own_ms_per_stop_median", "own_ms_per_stop_max", "address");

    @TempDir
    Path dir;

    @Test
    void eightCasesWithFourJobsGiveTheSameReportAsOneJob() throws Exception {
        StringBuilder yaml = new StringBuilder("cases:\n");
        for (int i = 1; i <= 8; i++) {
            yaml.append("""
                      - name: case-%d
                        command: [%s, "%d"]
                        breakpoints:
                          - id: end
                            at: leaky.c:%d
                            actions: [leak_check, {block_list: {kinds: [definite]}}]
                    """.formatted(i, Fixtures.compile("src/leaky.c"), i % 5 + 1,
                    Fixtures.line("src/leaky.c", "before_exit")));
        }
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, yaml);
        Plan loaded = PlanLoader.load(plan);
        RunOptions options = RunOptions.defaults().withTools(TestTools.valgrind(), TestTools.gdb())
                .withDefaultTimeout(Duration.ofSeconds(120));
        JsonNode serial = normalized(DocSchemas.valid(new PlanRunner(options.withJobs(1), Clock.systemUTC(), "t")
                .run(loaded)));
        JsonNode parallel = normalized(DocSchemas.valid(new PlanRunner(options.withJobs(4), Clock.systemUTC(), "t")
                .run(loaded)));
        assertEquals(List.of(), differences(serial, parallel, ""));
        assertEquals("passed", serial.get("status").asText());
    }

    private static JsonNode normalized(RunResult result) {
        JsonNode tree = ReportJson.mapper().valueToTree(result);
        strip(tree);
        return tree;
    }

    /** Times, pids and RSS vary between runs; so does the ==PID== prefix inside raw monitor text. */
    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(VARYING);
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    field.setValue(new TextNode(field.getValue().asText().replaceAll("==\\d+==", "==PID==")));
                } else {
                    strip(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(ParallelCasesTest::strip);
        }
    }

    private static List<String> differences(JsonNode a, JsonNode b, String path) {
        if (a.equals(b)) {
            return List.of();
        }
        if (a.isObject() && b.isObject()) {
            java.util.List<String> out = new java.util.ArrayList<>();
            a.fieldNames().forEachRemaining(f -> out.addAll(differences(a.get(f), b.path(f), path + "/" + f)));
            return out;
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            java.util.List<String> out = new java.util.ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                out.addAll(differences(a.get(i), b.get(i), path + "/" + i));
            }
            return out;
        }
        return List.of(path + ": " + a + " != " + b);
    }
}
