package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vgharness.Fixtures;
import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.report.JsonReportReader;
import dev.vgharness.report.SchemaValidation;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.LeakFinding;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.run.Baseline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leak identities on the real thing: valgrind and gdb run leak_sites.c and cxx_sites.cpp, whose functions leak at several
 * sites each (malloc, calloc, strdup, new[], a malloc and a new[] on one line), and every report keeps them apart.
 */
class LeakIdentityEndToEndTest {

    @TempDir
    Path dir;

    private Path plan;

    @BeforeEach
    void writePlan() throws Exception {
        plan = dir.resolve("sites.yaml");
        Files.writeString(plan, """
                version: 1
                name: sites
                cases:
                  - name: c
                    command: [%s]
                    breakpoints:
                      - id: done
                        at: %s
                        actions: [leak_check]
                    expect:
                      definitely_lost_bytes: 0
                  - name: cpp
                    command: [%s]
                    breakpoints:
                      - id: done
                        at: %s
                        actions: [leak_check]
                """.formatted(Fixtures.compile("src/leak_sites.c"), Fixtures.location("src/leak_sites.c", "sites_done"),
                Fixtures.compile("src/cxx_sites.cpp"), Fixtures.location("src/cxx_sites.cpp", "cpp_sites_done")));
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", plan.toString(), "-q", "--source-root",
                Fixtures.file("src").toString()));
        all.addAll(List.of(args));
        return Main.run(all.toArray(String[]::new));
    }

    private static List<LossRecordResult> lostAtExit(CaseResult c) {
        return c.finalResults().lossRecords().stream().filter(r -> LeakFinding.LOST.contains(r.record().kind()))
                .toList();
    }

    private static long lostBytes(LeakSummary s) {
        return s.definitelyLost().bytes() + s.indirectlyLost().bytes() + s.possiblyLost().bytes();
    }

    private static List<JsonNode> resultsOf(JsonNode sarif, String caseName) {
        List<JsonNode> results = new ArrayList<>();
        sarif.at("/runs/0/results").forEach(r -> {
            if (r.at("/properties/case").asText().equals(caseName)) {
                results.add(r);
            }
        });
        return results;
    }

    private static long count(List<JsonNode> results, String allocatedBy) {
        return results.stream().filter(r -> r.at("/message/text").asText().endsWith("allocated by " + allocatedBy))
                .count();
    }

    @Test
    void sarifHasAResultPerAllocationSiteAndTheyCoverEveryLostByte() throws Exception {
        Path reports = dir.resolve("reports");
        assertEquals(1, run("--report-dir", reports.toString()));
        JsonNode sarif = new ObjectMapper().readTree(reports.resolve("report.sarif").toFile());
        SchemaValidation.assertValidSarif(sarif);
        RunResult json = JsonReportReader.read(reports.resolve("report.json"));

        for (CaseResult c : json.cases()) {
            List<JsonNode> results = resultsOf(sarif, c.name());
            assertEquals(lostAtExit(c).size(), results.size(), c.name());
            assertEquals(lostBytes(c.finalResults().summary()),
                    results.stream().mapToLong(r -> r.at("/properties/direct_bytes").asLong()).sum(), c.name());
            assertEquals(lostAtExit(c).stream().mapToLong(r -> r.record().bytes()).sum(),
                    results.stream().mapToLong(r -> r.at("/properties/bytes").asLong()).sum(), c.name());
            assertEquals(results.size(), results.stream().map(r -> r.at("/partialFingerprints/leakIdentity~1v2"))
                    .distinct().count(), c.name());
        }
        List<JsonNode> c = resultsOf(sarif, "c");
        assertEquals(List.of(4L, 2L, 2L), List.of(count(c, "parse"), count(c, "load"), count(c, "make_name")));
        List<JsonNode> cpp = resultsOf(sarif, "cpp");
        assertEquals(List.of(4L, 2L), List.of(count(cpp, "build(int)"), count(cpp, "grow()")));
    }

    @Test
    void aStopsLeakCheckAndTheExitGiveASiteTheSameIdentity() throws Exception {
        assertEquals(1, run("--json", dir.resolve("r.json").toString()));

        for (CaseResult c : JsonReportReader.read(dir.resolve("r.json")).cases()) {
            List<String> atExit = lostAtExit(c).stream().map(r -> r.identity().text()).toList();
            List<String> atStop = c.stops().get(0).leakCheck().lossRecords().stream()
                    .filter(r -> LeakFinding.LOST.contains(r.record().kind())).map(r -> r.identity().text()).toList();
            assertTrue(atStop.size() >= 5 && atExit.containsAll(atStop), c.name() + ": " + atStop + " " + atExit);
        }
    }

    @Test
    void junitEvidenceListsEverySiteAndItsBytesAddUpToTheDefinitelyLostBytes() throws Exception {
        assertEquals(1, run("--junit", dir.resolve("junit.xml").toString(), "--json", dir.resolve("r.json").toString()));

        String junit = Files.readString(dir.resolve("junit.xml"));
        Matcher m = Pattern.compile("\ndefinitely_lost: (\\d+) bytes in \\d+ blocks( \\([^)]*\\))?, loss records? "
                + "[0-9, ]+ of \\d+, identity [0-9a-f]{16}\n").matcher(junit);
        long sum = 0;
        int entries = 0;
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
            entries++;
        }
        CaseResult c = JsonReportReader.read(dir.resolve("r.json")).cases().get(0);
        assertEquals(c.finalResults().summary().definitelyLost().bytes(), sum, junit);
        assertEquals(lostAtExit(c).size(), entries);
    }

    @Test
    void aWrittenBaselineKnowsEverySiteAndAnEntryMatchesOnlyItsOwn() throws Exception {
        Path baseline = dir.resolve("baseline.yaml");
        assertEquals(1, run("--write-baseline", baseline.toString(), "--json", dir.resolve("first.json").toString()));
        RunResult first = JsonReportReader.read(dir.resolve("first.json"));
        assertEquals(first.cases().stream().mapToLong(c -> lostAtExit(c).size()).sum(),
                Baseline.read(baseline).entries().size());

        assertEquals(0, run("--baseline", baseline.toString(), "--json", dir.resolve("known.json").toString()));
        assertTrue(JsonReportReader.read(dir.resolve("known.json")).cases().stream()
                .allMatch(c -> lostAtExit(c).stream().allMatch(LossRecordResult::baseline)));

        List<String> lines = Files.readAllLines(baseline);
        int second = 2;
        while (!lines.get(second).startsWith("- kind:")) {
            second++;
        }
        Files.write(dir.resolve("one.yaml"), lines.subList(0, second));
        assertEquals(1, run("--baseline", dir.resolve("one.yaml").toString(), "--json", dir.resolve("one.json").toString()));
        List<LossRecordResult> flagged = JsonReportReader.read(dir.resolve("one.json")).cases().stream()
                .flatMap(c -> lostAtExit(c).stream()).filter(LossRecordResult::baseline).toList();
        assertEquals(1, flagged.size());
        assertTrue(Baseline.read(dir.resolve("one.yaml")).matches(flagged.get(0).identity()));
    }

    @Test
    void writtenSuppressionsSilenceEverySite() throws Exception {
        Path supp = dir.resolve("sites.supp");
        assertEquals(1, run("--write-suppressions", supp.toString()));

        for (String program : List.of("src/leak_sites.c", "src/cxx_sites.cpp")) {
            String summary = CiReportsEndToEndTest.valgrindLeakSummary(supp, Fixtures.compile(program).toString());
            assertTrue(summary.contains("definitely lost: 0 bytes in 0 blocks"), summary);
            assertTrue(summary.contains("indirectly lost: 0 bytes in 0 blocks"), summary);
        }
    }
}
