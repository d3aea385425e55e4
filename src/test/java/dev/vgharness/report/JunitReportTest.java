package dev.vgharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import dev.vgharness.result.ActionFailure;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.LeftOut;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.SampleRuns;
import dev.vgharness.result.StopResult;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportTest {

    private static String xml(RunResult run) throws Exception {
        StringWriter out = new StringWriter();
        JunitReport.write(run, new SourceRoots(List.of(Fixtures.file("src"))), out);
        return out.toString();
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> attributes(Document doc, String element, String attribute) {
        NodeList nodes = doc.getElementsByTagName(element);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return values;
    }

    @Test
    void writesXmlThatTheJenkinsSchemaAccepts() throws Exception {
        SchemaValidation.assertValidJunit(xml(SampleRuns.run()));
    }

    @Test
    void mapsEveryStopAndTheExitOfACaseToATestcase() throws Exception {
        Document doc = parse(xml(SampleRuns.run()));

        assertEquals(List.of("after_request#1", "after_request#2", "exit", "exit"), attributes(doc, "testcase", "name"));
        assertEquals(List.of("server.growth", "server.growth", "server.growth", "server.evil " + SampleRuns.HOSTILE),
                attributes(doc, "testcase", "classname"));
        assertEquals(List.of("growth", "evil " + SampleRuns.HOSTILE), attributes(doc, "testsuite", "name"));
        Element root = doc.getDocumentElement();
        assertEquals(List.of("server", "4", "2", "1", "3.500"), List.of(root.getAttribute("name"),
                root.getAttribute("tests"), root.getAttribute("failures"), root.getAttribute("errors"),
                root.getAttribute("time")));
        assertEquals(List.of("2026-11-25T21:04:05", "2026-11-25T21:04:05"), attributes(doc, "testsuite", "timestamp"));
    }

    @Test
    void eachBreakpointsSourceFileRelativeToItsRootAndLineAreSuiteProperties() throws Exception {
        Document doc = parse(xml(SampleRuns.run()));
        Element growth = (Element) doc.getElementsByTagName("testsuite").item(0);
        NodeList properties = growth.getElementsByTagName("property");
        List<String> breakpoints = new ArrayList<>();
        for (int i = 0; i < properties.getLength(); i++) {
            Element p = (Element) properties.item(i);
            if (p.getAttribute("name").startsWith("breakpoint.")) {
                breakpoints.add(p.getAttribute("name") + "=" + p.getAttribute("value"));
            }
        }

        assertEquals(List.of("breakpoint.after_request.file=leaky.c", "breakpoint.after_request.line=38"), breakpoints);
    }

    @Test
    void failureSaysMetricExpectedAndActualAndListsTheGrowingRecordsInUserCode() throws Exception {
        Document doc = parse(xml(SampleRuns.run()));
        String identity = SampleRuns.growth().stops().get(1).leakCheck().lossRecords().get(2).identity().hash();

        assertEquals(List.of("new_definitely_lost_bytes: expected <= 32, was 64", "errors: expected 0, was 1"),
                attributes(doc, "failure", "message"));
        assertEquals(List.of("expectation", "expectation"), attributes(doc, "failure", "type"));
        assertEquals("""
                new_definitely_lost_bytes: expected <= 32, was 64

                definitely_lost: 96 bytes in 3 blocks (+64 bytes, +1 blocks), loss record 3 of 3, identity %s
                    at handle_request (leaky.c:29)
                    by main (leaky.c:49)
                """.formatted(identity), doc.getElementsByTagName("failure").item(0).getTextContent());
        assertEquals("""
                errors: expected 0, was 1

                InvalidRead: Invalid read of size 4
                    at handle_request (leaky.c:31)
                    by main (leaky.c:49)
                """, doc.getElementsByTagName("failure").item(1).getTextContent());
    }

    @Test
    void evidenceListsEverySiteOnceWithTheBytesOfRecordsThatShareItAddedUpToAllThatWasLost() throws Exception {
        List<LossRecordResult> check = SampleRuns.check(SampleRuns.requestSites(), r -> false);
        Assertion failed = new Assertion("definitely_lost_bytes", "0", 168L, false, "definitely_lost_bytes: expected 0");
        CaseResult sites = SampleRuns.exitCase("sites", check);
        CaseResult failing = new CaseResult("sites", RunStatus.FAILED, null, sites.command(), 1, 1, List.of(),
                sites.exit(), sites.finalResults(), List.of(failed), null);

        String text = parse(xml(SampleRuns.runOf(failing))).getElementsByTagName("failure").item(0).getTextContent();

        assertEquals("""
                definitely_lost_bytes: expected 0

                definitely_lost: 128 bytes in 4 blocks (+128 bytes, +2 blocks), loss records 1, 3 of 3, identity %s
                    at handle_request (leaky.c:29)
                    by main (leaky.c:49)
                definitely_lost: 40 bytes in 1 blocks (+40 bytes, +1 blocks), loss record 2 of 3, identity %s
                    at handle_request (leaky.c:33)
                    by main (leaky.c:49)
                """.formatted(check.get(0).identity().hash(), check.get(1).identity().hash()), text);
    }

    @Test
    void harnessProblemIsAnErrorAndRawMonitorTextIsSystemOut() throws Exception {
        Document doc = parse(xml(SampleRuns.run()));

        assertEquals(List.of("timeout after 1s " + SampleRuns.HOSTILE), attributes(doc, "error", "message"));
        assertEquals(List.of("timeout"), attributes(doc, "error", "type"));
        String out = doc.getElementsByTagName("system-out").item(0).getTextContent();
        assertEquals("(gdb) monitor leak_check full reachable any\n==123== LEAK SUMMARY:\n"
                + "==123==    definitely lost: 32 bytes in 1 blocks\n&#27;[0m ]]> done\n", out);
    }

    @Test
    void numbersRepeatedStopNamesSoGitlabKeepsThemApart() throws Exception {
        CaseResult growth = SampleRuns.growth();
        CaseResult twice = new CaseResult(growth.name(), growth.status(), null, growth.command(), 1, 10,
                List.of(growth.stops().get(0), growth.stops().get(0)), growth.exit(), null, List.of(), null);
        RunResult run = new RunResult(SampleRuns.run().tool(), SampleRuns.run().plan(), java.util.Map.of(),
                SampleRuns.run().startedAt(), 10, RunStatus.PASSED, null, List.of(twice));
        String xml = xml(run);

        assertEquals(List.of("after_request#1", "after_request#1 (2)", "exit"), attributes(parse(xml), "testcase", "name"));
        SchemaValidation.assertValidJunit(xml);
    }

    @Test
    void failedBuildIsOneErrorWithItsOutput() throws Exception {
        RunResult sample = SampleRuns.run();
        RunResult run = new RunResult(sample.tool(), sample.plan(), sample.environment(), sample.startedAt(), 5,
                RunStatus.ERROR, new RunResult.BuildFailure("make all", 2, "cc: error <here>\n"), List.of());
        String xml = xml(run);
        Document doc = parse(xml);

        assertEquals(List.of("build failed (exit 2): make all"), attributes(doc, "error", "message"));
        assertEquals("cc: error <here>\n", doc.getElementsByTagName("error").item(0).getTextContent());
        SchemaValidation.assertValidJunit(xml);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xml);
    }

    @Test
    void aStopSaysInItsOutputWhichActionsFailedWhatLimitsLeftOutAndWhatTheHarnessDid() throws Exception {
        StopResult s = SampleRuns.growth().stops().get(0);
        StopResult stop = new StopResult(s.breakpoint(), s.hit(), s.thread(), s.frame(), s.leakCheck(), s.blockLists(),
                s.whoPointsAt(), s.monitor(), s.errors(), s.rssKb(), s.assertions(), s.gdb(), List.of(), 5, null,
                List.of(new ActionFailure("monitor 'leak_chek full'", "command 'leak_chek full' not recognised", false)),
                List.of(new LeftOut("block_list", 2, 100, 100, 900)), List.of("output given back to gdb"));
        CaseResult c = new CaseResult("c", RunStatus.ERROR, "stop after_request#1: ...", List.of("./x"), 1, 10,
                List.of(stop), null, null, List.of(), null);
        RunResult sample = SampleRuns.run();
        String xml = xml(new RunResult(sample.tool(), sample.plan(), sample.environment(), sample.startedAt(), 10,
                RunStatus.ERROR, null, List.of(c)));

        assertEquals("error: monitor 'leak_chek full' failed: command 'leak_chek full' not recognised\n"
                + "left out: block_list of loss record 2: 100 of 1000 blocks listed (limit 100)\n"
                + "note: output given back to gdb\n",
                parse(xml).getElementsByTagName("system-out").item(0).getTextContent());
        SchemaValidation.assertValidJunit(xml);
    }
}
