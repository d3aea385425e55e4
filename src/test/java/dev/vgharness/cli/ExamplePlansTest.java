package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vgharness.DocSchemas;
import dev.vgharness.report.SchemaValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plans of docs/examples, each run as a user would run it (its own build: step, real valgrind and
 * gdb), its report checked for what the example's comments promise.
 */
class ExamplePlansTest {

    private static final Path EXAMPLES = Path.of("docs/examples");

    @TempDir
    Path dir;

    /** Runs an example; its JSON report (--json, or report.json of a --report-dir among the options). */
    private JsonNode run(String example, int expectedCode, String... options) {
        List<String> args = new ArrayList<>(List.of("run", EXAMPLES.resolve(example + ".yaml").toString()));
        args.addAll(List.of(options));
        int dirOption = args.indexOf("--report-dir");
        Path json = dirOption >= 0 ? Path.of(args.get(dirOption + 1), "report.json") : dir.resolve(example + ".json");
        if (dirOption < 0) {
            args.addAll(List.of("--json", json.toString()));
        }
        RunCommandTest.Outcome o = RunCommandTest.main(args.toArray(String[]::new));
        assertEquals(expectedCode, o.code(), o.stdout() + o.stderr());
        return DocSchemas.readValidReport(json);
    }

    private static List<String> functions(JsonNode stack) {
        List<String> names = new ArrayList<>();
        stack.forEach(frame -> names.add(frame.path("function").asText()));
        return names;
    }

    @Test
    void theCppProgramLosesOneItemPerDayWithItsStringAndVectorBuffers() {
        JsonNode c = run("cpp-program", 0).at("/cases/0");

        assertEquals(List.of("report#1", "report#2", "report#3"), stops(c));
        JsonNode lastStop = c.at("/stops/2");
        JsonNode lost = lastStop.at("/block_lists/0");
        assertEquals("definitely_lost", lost.at("/header/kind").asText());
        assertTrue(functions(lost.at("/header/stack")).get(1).startsWith("Inventory::restock("), lost.toString());
        assertEquals(2, lost.at("/blocks").size());
        for (JsonNode block : lost.at("/blocks")) {
            // The Item, then the heap buffers of its std::string (45 characters and a NUL) and std::vector (8 ints).
            assertEquals(List.of(56L, 46L, 32L), List.of(block.at("/size").asLong(),
                    block.at("/indirect/0/size").asLong(), block.at("/indirect/1/size").asLong()));
        }
        assertEquals(2, c.at("/final/summary/definitely_lost/blocks").asInt());
    }

    @Test
    void theGoogleTestBinaryIsCheckedAfterEveryTestAndPerFilter() {
        assertTrue(Files.exists(Path.of("/usr/include/gtest/gtest.h")),
                "GoogleTest is missing: scripts/ensure-tools libgtest-dev installs it (Debian/Ubuntu)");
        JsonNode report = run("googletest", 0);

        JsonNode clean = report.at("/cases/0");
        assertEquals(List.of("teardown#1", "teardown#2"), stops(clean));
        assertTrue(clean.at("/stdout").asText().contains("[  PASSED  ] 2 tests."), clean.at("/stdout").asText());
        JsonNode leak = report.at("/cases/1");
        assertEquals("known-leak", leak.at("/name").asText());
        List<String> stacks = new ArrayList<>();
        leak.at("/final/loss_records").forEach(r -> {
            if (r.at("/kind").asText().equals("definitely_lost")) {
                stacks.add(String.join(" < ", functions(r.at("/stack")).subList(1, 3)));
            }
        });
        assertEquals(List.of("LruCache::put(int, char const*) < CacheTest_EvictsTheOldest_Test::TestBody()"), stacks);
    }

    @Test
    void nativeModeTellsSmallBlocksOnTheHeapFromLargeMmappedOnes() {
        JsonNode report = run("native", 0);

        JsonNode small = report.at("/cases/0");
        assertEquals(List.of("start#1", "request#1", "request#2", "request#3", "request#4"), stops(small));
        for (int stop = 2; stop <= 4; stop++) {
            JsonNode at = small.at("/stops/" + stop);
            assertEquals(3200, at.at("/memory/mallinfo_delta/uordblks").asLong(), at.toString());
            assertEquals("small blocks via brk heap", at.at("/memory/growth").asText());
            assertEquals("$" + stop + " = " + stop + "\n", at.at("/gdb/0/output").asText());
        }
        JsonNode large = report.at("/cases/1");
        for (JsonNode at : large.at("/stops")) {
            assertEquals(256 * 1024 + 4096, at.at("/memory/mallinfo_delta/hblkhd").asLong(), at.toString());
            assertEquals("large blocks via mmap", at.at("/memory/growth").asText());
        }
    }

    @Test
    void theSampledServiceIsEndedAfterTheSpanWithItsLeakRate() {
        JsonNode c = run("sampled-service", 0).at("/cases/0");

        assertEquals("detached", c.at("/exit/status").asText());
        assertTrue(c.at("/samples/samples").size() >= 2, c.at("/samples").toString());
        double rate = c.at("/samples/definitely_lost_bytes_per_s").asDouble();
        // At most 24,000 B/s by the fixture's schedule; the samples' own timing (an interrupt lands some ms after it
        // was due, on a loaded machine tens of ms) moves the slope by a few percent, so the bound is the plan's.
        assertTrue(rate > 1000 && rate <= 30_000, "rate " + rate);
    }

    @Test
    void theCiPlanPassesWithItsBaselineAndFailsWithoutIt() throws Exception {
        Path reports = dir.resolve("leak-reports");
        JsonNode report = run("ci", 0, "--baseline", EXAMPLES.resolve("ci-baseline.yaml").toString(), "--report-dir",
                reports.toString());

        List<String> lost = new ArrayList<>();
        report.at("/cases/1/final/loss_records").forEach(r -> {
            if (!r.at("/kind").asText().equals("still_reachable")) {
                lost.add(r.at("/kind").asText() + " baseline=" + r.at("/baseline").asBoolean());
            }
        });
        assertTrue(!lost.isEmpty() && lost.stream().allMatch(l -> l.endsWith("baseline=true")), lost::toString);
        SchemaValidation.assertValidJunit(reports.resolve("junit.xml"));
        JsonNode sarif = new com.fasterxml.jackson.databind.ObjectMapper().readTree(reports.resolve("report.sarif").toFile());
        SchemaValidation.assertValidSarif(sarif);
        sarif.at("/runs/0/results").forEach(r -> assertEquals("external", r.at("/suppressions/0/kind").asText()));

        JsonNode without = run("ci", 1);
        assertEquals("failed", without.at("/cases/0/status").asText());
        assertEquals("definitely_lost_bytes: expected == 0, was 72",
                without.at("/cases/0/assertions/2/message").asText());
    }

    private static List<String> stops(JsonNode c) {
        List<String> names = new ArrayList<>();
        c.at("/stops").forEach(s -> names.add(s.at("/breakpoint").asText() + "#" + s.at("/hit").asInt()));
        return names;
    }
}
