package dev.vgharness.memcheck;

import static dev.vgharness.memcheck.Golden.totals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValgrindXmlParserTest {

    private static MemcheckError fromXml(MemcheckError text, long unique) {
        return new MemcheckError(text.kind(), text.what(), text.count(), text.stack(), text.auxiliary(),
                text.auxiliaryStack(), text.notes(), null, unique, 1);
    }

    private static ValgrindXmlReport parse(String fixture) throws IOException {
        try (InputStream in = Files.newInputStream(Fixtures.file("memcheck/" + fixture))) {
            return ValgrindXmlParser.parse(in);
        }
    }

    private static ValgrindXmlReport parseText(String xml) {
        return ValgrindXmlParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsErrorsLossRecordsAndCountsOfAProtocol4File() throws IOException {
        ValgrindXmlReport report = parse("errs.xml");

        assertEquals(new ValgrindXmlReport(4, "memcheck", report.pid(), List.of(
                fromXml(ValgrindLogTest.INVALID_READ, 0x0), fromXml(ValgrindLogTest.INVALID_WRITE, 0x2),
                fromXml(ValgrindLogTest.UNINIT, 0x3), fromXml(ValgrindLogTest.INVALID_FREE, 0x4)),
                ValgrindLogTest.LOSS_RECORDS,
                List.of(new ValgrindXmlReport.ErrorCount(4, 1), new ValgrindXmlReport.ErrorCount(3, 1),
                        new ValgrindXmlReport.ErrorCount(2, 1), new ValgrindXmlReport.ErrorCount(0, 2)),
                List.of(), List.of("RUNNING", "FINISHED"), null, null, null, true), report);
    }

    @Test
    void aFileCutShortByKillGivesWhatIsThereAndSaysSo() throws IOException {
        ValgrindXmlReport report = parse("sample327.killed.xml");

        assertEquals(new ValgrindXmlReport(6, "memcheck", 394L, List.of(), List.of(), List.of(), List.of(),
                List.of("RUNNING"), null, null, null, false), report);
    }

    @Test
    void aFileCutInsideAnErrorKeepsTheErrorsBeforeIt() throws IOException {
        String xml = Files.readString(Fixtures.file("memcheck/errs.xml"));
        String cut = xml.substring(0, xml.indexOf("<kind>UninitCondition</kind>"));

        ValgrindXmlReport report = parseText(cut);

        MemcheckError read = fromXml(ValgrindLogTest.INVALID_READ, 0x0);
        MemcheckError readOnce = new MemcheckError(read.kind(), read.what(), 1, read.stack(), read.auxiliary(),
                read.auxiliaryStack(), read.notes(), null, read.unique(), read.thread());
        // the cut removed <errorcounts>, so each error counts once
        assertEquals(List.of(readOnce, fromXml(ValgrindLogTest.INVALID_WRITE, 0x2)), report.errors());
        assertEquals(false, report.complete());
    }

    @Test
    void readsProtocol6SummariesAndSkipsUnknownElements() {
        String xml = """
                <?xml version="1.0"?>
                <valgrindoutput>
                <protocolversion>6</protocolversion>
                <protocoltool>memcheck</protocoltool>
                <future_element><nested>ignored</nested></future_element>
                <heap_summary>
                  <memory_in_use_at_exit><bytes>720</bytes><blocks>5</blocks></memory_in_use_at_exit>
                  <total_heap_usage><allocs>5</allocs><frees>0</frees><bytes_allocated>720</bytes_allocated></total_heap_usage>
                </heap_summary>
                <all_heap_blocks_freed>false</all_heap_blocks_freed>
                <leak_summary>
                  <definitely_lost><bytes>48</bytes><in_blocks>3</in_blocks></definitely_lost>
                  <indirectly_lost><bytes>32</bytes><in_blocks>2</in_blocks></indirectly_lost>
                  <possibly_lost><bytes>96</bytes><in_blocks>6</in_blocks></possibly_lost>
                  <still_reachable><bytes>64</bytes><in_blocks>4</in_blocks>
                    <reachable_heuristic><kind>newarray</kind><bytes>48</bytes><blocks>1</blocks></reachable_heuristic>
                  </still_reachable>
                  <suppressed><bytes>0</bytes><in_blocks>0</in_blocks></suppressed>
                </leak_summary>
                <error_summary><errors>1</errors><error_contexts>1</error_contexts><suppressed>3</suppressed>
                  <suppressed_contexts>3</suppressed_contexts></error_summary>
                <suppcounts><pair><count>3</count><name>known-leak</name></pair></suppcounts>
                </valgrindoutput>
                """;

        assertEquals(new ValgrindXmlReport(6, null, null, List.of(), List.of(), List.of(),
                List.of(new ValgrindXmlReport.SuppressionCount("known-leak", 3)), List.of(),
                new LeakSummary(totals(48, 3), totals(32, 2), totals(96, 6), totals(64, 4), totals(0, 0),
                        List.of(new HeuristicTotals("newarray", 48, 1, null, null))),
                new HeapSummary(720, 5, 5, 0, 720), new ErrorSummary(1, 1, 3, 3), true), parseText(xml));
    }
}
