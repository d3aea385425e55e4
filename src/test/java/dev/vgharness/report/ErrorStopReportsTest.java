package dev.vgharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.FinalResults;
import dev.vgharness.result.FrameLocals;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.SampleRuns;
import dev.vgharness.result.StopFrame;
import dev.vgharness.result.StopReason;
import dev.vgharness.result.StopResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stop at a Memcheck error, as the text summary, JUnit and HTML show it. */
class ErrorStopReportsTest {

    private static final StopFrame AT = new StopFrame("copy_name", "names.c", 31, 0x1091beL);

    private static RunResult run() {
        MemcheckError write = new MemcheckError("InvalidWrite", "Invalid write of size 1", 1,
                List.of(SampleRuns.frame(0x1091beL, "copy_name", "names.c", 31)),
                "Address 0x4a40050 is 0 bytes after a block of size 16 alloc'd", List.of(SampleRuns.malloc()),
                List.of(), null, null, null);
        FrameLocals locals = new FrameLocals(0, "copy_name", "names.c", 31, List.of(
                new FrameLocals.Variable("dst", "char *", "0x4a40040 \"host-a<x>\"", true),
                new FrameLocals.Variable("cap", "int", "16", true),
                new FrameLocals.Variable("parts", "int [4]", null, false),
                new FrameLocals.Variable("i", "int", "16", false)));
        StopResult stop = new StopResult(null, 2, 1, AT, null, List.of(), List.of(), List.of(), 2L, null, List.of(),
                List.of(), List.of(), 5, null, StopReason.ERROR, write, List.of(AT), List.of(locals), null, List.of(),
                List.of(), List.of());
        FinalResults fin = new FinalResults(null, List.of(), List.of(write), true);
        CaseResult c = new CaseResult("names", RunStatus.PASSED, null, List.of("./names"), 7, 100, List.of(stop),
                CaseExit.exited(0), fin, List.of(), "", null, List.of("on_error: stopped at the first 2 errors"));
        return new RunResult(new RunResult.Tool("vgharness", "0.1.0"), new RunResult.PlanInfo("p", "p.yaml"),
                Map.of(), Instant.parse("2026-11-25T21:04:05Z"), 100, RunStatus.PASSED, null, List.of(c));
    }

    @Test
    void theTextSummaryGivesOneLinePerErrorStopWithTheFirstFramesLocalsAndTheCaseNotes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TextSummary.print(run(), new SourceRoots(List.of(Fixtures.file("src"))), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("       error#2 InvalidWrite copy_name (names.c:31): dst = 0x4a40040 \"host-a<x>\","
                + " cap = 16, i = 16\n"), text);
        assertTrue(text.contains("       note: on_error: stopped at the first 2 errors\n"), text);
    }

    @Test
    void junitPutsTheErrorAndEveryVariableInTheStopsSystemOut() throws Exception {
        StringWriter xml = new StringWriter();
        JunitReport.write(run(), new SourceRoots(List.of(Fixtures.file("src"))), xml);
        SchemaValidation.assertValidJunit(xml.toString());
        assertTrue(xml.toString().contains("name=\"error#2\""), xml.toString());
        assertTrue(xml.toString().contains("InvalidWrite: Invalid write of size 1\n#0 copy_name (names.c:31)\n"
                + "    char * dst = 0x4a40040 \"host-a<x>\"\n    int cap = 16\n    int [4] parts\n    int i = 16\n"),
                xml.toString());
    }

    @Test
    void htmlShowsEachErrorStopWithItsLocalsEscaped() {
        String page = HtmlReport.html(run(), new SourceRoots(List.of(Fixtures.file("src"))));
        assertTrue(page.contains("<b>InvalidWrite</b> Invalid write of size 1"), page);
        assertTrue(page.contains("<tr><td>dst</td><td>char *</td><td>0x4a40040 &quot;host-a&lt;x&gt;&quot;</td></tr>")
                || page.contains("<tr><td>dst</td><td>char *</td><td>0x4a40040 \"host-a&lt;x&gt;\"</td></tr>"), page);
        assertTrue(page.contains("<tr><td>parts</td><td>int [4]</td><td></td></tr>"), page);
    }

    @Test
    void sarifPutsTheLocalsOfTheErrorStopInTheResultsPropertiesAndItsFirstCodeFlowStep() throws Exception {
        com.fasterxml.jackson.databind.JsonNode log = SarifReport.toJson(run(), new SourceRoots(List.of(Fixtures.file("src"))));
        SchemaValidation.assertValidSarif(log);
        com.fasterxml.jackson.databind.JsonNode result = log.at("/runs/0/results/0");
        assertEquals("memcheck/InvalidWrite", result.path("ruleId").asText());
        assertEquals("cap", result.at("/properties/locals/0/variables/1/name").asText());
        assertEquals("16", result.at("/properties/locals/0/variables/1/value").asText());
        assertEquals("dst = 0x4a40040 \"host-a<x>\", cap = 16, i = 16",
                result.at("/codeFlows/0/threadFlows/0/locations/0/location/message/text").asText());
    }
}
