package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vgharness.DocSchemas;
import dev.vgharness.EndToEnd;
import dev.vgharness.Fixtures;
import dev.vgharness.TestTools;
import dev.vgharness.TestTools.Tool;
import dev.vgharness.report.JsonReportReader;
import dev.vgharness.report.SchemaValidation;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI reports on the real thing: valgrind and gdb run leaky.c from a plan, every report format is checked. */
@EndToEnd({Tool.VALGRIND, Tool.GDB, Tool.COMPILERS})
class CiReportsEndToEndTest {

    @TempDir
    Path dir;

    private Path plan;

    @BeforeEach
    void writePlan() throws Exception {
        Path leaky = Fixtures.compile("src/leaky.c");
        plan = dir.resolve("ci.yaml");
        Files.writeString(plan, """
                version: 1
                name: ci
                cases:
                  - name: growth
                    command: [%s, "3"]
                    breakpoints:
                      - id: request_done
                        at: %s
                        max_hits: 3
                        expect:
                          new_definitely_lost_bytes: 0
                  - name: single
                    command: [%s, "1"]
                    expect:
                      exit_code: 0
                """.formatted(leaky, Fixtures.location("src/leaky.c", "request_done"), leaky));
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", plan.toString(), "-q", "--source-root",
                Fixtures.file("src").toString()));
        all.addAll(TestTools.options());
        all.addAll(List.of(args));
        int code = Main.run(all.toArray(String[]::new));
        DocSchemas.assertValidReports(all);
        return code;
    }

    @Test
    void writesAllFourReportsValidAndAFailureThatNamesTheGrowingLeak() throws Exception {
        Path reports = dir.resolve("reports");

        assertEquals(1, run("--report-dir", reports.toString()));

        SchemaValidation.assertValidJunit(reports.resolve("junit.xml"));
        String junit = Files.readString(reports.resolve("junit.xml"));
        assertTrue(junit.contains("<failure message=\"new_definitely_lost_bytes: expected == 0, was "), junit);
        assertTrue(junit.contains("definitely_lost: "), junit);
        assertTrue(junit.contains("    at make_tree (leaky.c:19)"), junit);
        JsonNode sarif = new ObjectMapper().readTree(reports.resolve("report.sarif").toFile());
        SchemaValidation.assertValidSarif(sarif);
        assertEquals("leaky.c", sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
        RunResult json = JsonReportReader.read(reports.resolve("report.json"));
        assertEquals(List.of("growth", "single"), json.cases().stream().map(CaseResult::name).toList());
        String html = Files.readString(reports.resolve("report.html"));
        // The growth case's stops and exit; the single case has its exit only, and one point shows no trend.
        assertEquals(1, html.split("<svg class=\"chart\"", -1).length - 1);
        assertTrue(html.contains("<pre class=\"src\">19: struct node *n = calloc(1, sizeof *n);</pre>"));
    }

    @Test
    void writtenBaselineMakesTheRunPassAndWrittenSuppressionsSilenceValgrind() throws Exception {
        Path baseline = dir.resolve("baseline.yaml");
        Path supp = dir.resolve("leaks.supp");
        assertEquals(1, run("--write-baseline", baseline.toString(), "--write-suppressions", supp.toString()));

        assertEquals(0, run("--baseline", baseline.toString(), "--json", dir.resolve("again.json").toString()));
        RunResult again = JsonReportReader.read(dir.resolve("again.json"));
        assertTrue(again.cases().get(0).finalResults().lossRecords().stream()
                .filter(r -> r.record().kind() == dev.vgharness.memcheck.LeakKind.DEFINITELY_LOST)
                .allMatch(dev.vgharness.result.LossRecordResult::baseline));

        String summary = valgrindLeakSummary(supp, Fixtures.compile("src/leaky.c").toString(), "3");
        assertTrue(summary.contains("definitely lost: 0 bytes in 0 blocks"), summary);
        assertTrue(summary.contains("indirectly lost: 0 bytes in 0 blocks"), summary);
        assertTrue(summary.contains("possibly lost: 0 bytes in 0 blocks"), summary);
    }

    @Test
    void shardsTogetherRunEveryCaseOnceAndMergeIntoOneReport() throws Exception {
        assertEquals(1, run("--shard", "1/2", "--json", dir.resolve("a.json").toString()));
        assertEquals(0, run("--shard", "2/2", "--json", dir.resolve("b.json").toString()));
        Path merged = dir.resolve("merged");

        int code = Main.run("merge", dir.resolve("a.json").toString(), dir.resolve("b.json").toString(),
                "--report-dir", merged.toString(), "--source-root", Fixtures.file("src").toString());
        DocSchemas.readValidReport(merged.resolve("report.json"));

        assertEquals(1, code);
        assertEquals(List.of("growth", "single"), JsonReportReader.read(merged.resolve("report.json")).cases().stream()
                .map(CaseResult::name).toList());
        SchemaValidation.assertValidJunit(merged.resolve("junit.xml"));
        SchemaValidation.assertValidSarif(new ObjectMapper().readTree(merged.resolve("report.sarif").toFile()));
        assertTrue(Files.readString(merged.resolve("report.html")).contains("<h2>single <span"));
    }

    /** What valgrind prints running a command with these suppressions. */
    static String valgrindLeakSummary(Path suppressions, String... command) throws Exception {
        List<String> all = new ArrayList<>(List.of(TestTools.valgrind(), "--leak-check=full", "--suppressions=" + suppressions));
        all.addAll(List.of(command));
        Process p = new ProcessBuilder(all).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "valgrind did not end");
            return out;
        } finally {
            p.destroyForcibly();
        }
    }
}
