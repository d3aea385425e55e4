package dev.vgharness.memcheck;

import static dev.vgharness.memcheck.Golden.record;
import static dev.vgharness.memcheck.Golden.src;
import static dev.vgharness.memcheck.Golden.totals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vgharness.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValgrindXmlParserTest {

    private static MemcheckError fromXml(MemcheckError text, long unique) {
        return new MemcheckError(text.kind(), text.what(), text.count(), text.stack(), text.auxiliary(),
                text.auxiliaryStack(), text.notes(), null, unique, 1);
    }

    private static ValgrindXmlReport parse(String fixture) throws IOException {
        return ValgrindXmlParser.parse(Fixtures.file("memcheck/" + fixture));
    }

    private static ValgrindXmlReport parseText(String xml) {
        return ValgrindXmlParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml");
    }

    /** A frame of separators.c whose line is that of a MARK. */
    private static StackFrame separators(long address, String function, String mark) {
        return new StackFrame(address, function, "separators.c", Fixtures.line("src/separators.c", mark), null);
    }

    @Test
    void readsErrorsLossRecordsAndCountsOfAProtocol4File() throws IOException {
        ValgrindXmlReport report = parse("errs.3.19.xml");

        assertEquals(new ValgrindXmlReport(4, "memcheck", report.pid(), List.of(
                fromXml(ValgrindLogTest.INVALID_READ, 0x0), fromXml(ValgrindLogTest.INVALID_WRITE, 0x2),
                fromXml(ValgrindLogTest.UNINIT, 0x3), fromXml(ValgrindLogTest.INVALID_FREE, 0x4)),
                ValgrindLogTest.LOSS_RECORDS,
                List.of(new ValgrindXmlReport.ErrorCount(4, 1), new ValgrindXmlReport.ErrorCount(3, 1),
                        new ValgrindXmlReport.ErrorCount(2, 1), new ValgrindXmlReport.ErrorCount(0, 2)),
                List.of(), List.of("RUNNING", "FINISHED"), null, null, null, true, 8339L,
                List.of("/tmp/tmp.TlbS14q0Qx/errs"), null), report);
    }

    @Test
    void aFileCutShortByKillGivesWhatIsThereAndSaysSo() throws IOException {
        ValgrindXmlReport report = parse("sample327.killed.xml");

        assertEquals(new ValgrindXmlReport(6, "memcheck", 394L, List.of(), List.of(), List.of(), List.of(),
                List.of("RUNNING"), null, null, null, false, 353L, List.of("./leaks"), null), report);
    }

    @Test
    void aFileCutInsideAnErrorKeepsTheErrorsBeforeIt() throws IOException {
        String xml = Files.readString(Fixtures.file("memcheck/errs.3.19.xml"));
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

    @Test
    void readsTheThousandsSeparatorsOfAValgrind327File() throws IOException {
        ValgrindXmlReport report = parse("separators.3.27.xml");

        StackFrame malloc = src(0x484676B, "malloc", "vg_replace_malloc.c", 447);
        StackFrame mainTable = separators(0x4001244, "main", "call_lose_table");
        assertEquals(new ValgrindXmlReport(6, "memcheck", report.pid(), List.of(), List.of(
                record(1, 4, LeakKind.DEFINITELY_LOST, 1_320, 5, malloc,
                        separators(0x4001184, "lose_five", "lose_five"),
                        separators(0x400123F, "main", "call_lose_five")),
                record(2, 4, LeakKind.INDIRECTLY_LOST, 186_000, 1_200, malloc,
                        separators(0x40011D9, "lose_table", "table_entry"), mainTable),
                new LossRecord(3, 4, LeakKind.DEFINITELY_LOST, 195_600, 9_600, 186_000, 1, null, null, null, null,
                        false, List.of(malloc, separators(0x40011AD, "lose_table", "lose_table"), mainTable)),
                record(4, 4, LeakKind.STILL_REACHABLE, 1_234_567, 1, malloc,
                        separators(0x4001233, "main", "big_alloc"))),
                List.of(), List.of(), List.of("RUNNING", "FINISHED"),
                new LeakSummary(totals(10_920, 6), totals(186_000, 1_200), totals(0, 0), totals(1_234_567, 1),
                        totals(0, 0), List.of()),
                new HeapSummary(1_431_487, 1_207, 1_207, 0, 1_431_487), new ErrorSummary(2, 2, 0, 0), true,
                18833L, List.of("/tmp/tmp.6nkNfHJsFg/separators"), null), report);
    }

    @ParameterizedTest
    @ValueSource(strings = {"separators", "leaky"})
    void theSameProgramUnderValgrind319And327GivesTheSameLeaks(String program) throws IOException {
        ValgrindXmlReport old = parse(program + ".3.19.xml");
        ValgrindXmlReport current = parse(program + ".3.27.xml");

        assertEquals(null, old.leakSummary(), "3.19 writes no <leak_summary>");
        assertEquals(current.leakSummary(), LeakSummary.ofRecords(old.lossRecords()));
        assertEquals(leaksWithoutAddresses(old), leaksWithoutAddresses(current));
    }

    /** Kind, sizes, numbering and the functions of each stack: what does not depend on the load address. */
    private static List<String> leaksWithoutAddresses(ValgrindXmlReport report) {
        return report.lossRecords().stream().map(r -> r.number() + "/" + r.of() + " " + r.kind() + " " + r.bytes()
                + " (" + r.directBytes() + "+" + r.indirectBytes() + ") in " + r.blocks() + " at "
                + r.stack().stream().map(ValgrindXmlParserTest::programFrame).toList()).toList();
    }

    /** A frame's function, with the line when it is the program's: 3.27 built here has line info for its malloc. */
    private static String programFrame(StackFrame f) {
        return f.file() == null || f.file().startsWith("vg_replace") ? f.function() : f.function() + ":" + f.line();
    }

    @Test
    void errorsUnderValgrind327ReadLikeUnder319WithTheirOwnSummaries() throws IOException {
        ValgrindXmlReport old = parse("errs.3.19.xml");
        ValgrindXmlReport current = parse("errs.3.27.xml");

        assertEquals(errorsWithoutAddresses(old), errorsWithoutAddresses(current));
        assertEquals(leaksWithoutAddresses(old), leaksWithoutAddresses(current));
        assertEquals(LeakSummary.ofRecords(old.lossRecords()), current.leakSummary());
        // 5 contexts: 4 errors (one of them twice) and the definitely lost record; 3.19 has no <error_summary>
        assertEquals(new ErrorSummary(6, 5, 0, 0), current.errorSummary());
        assertEquals(null, old.errorSummary());
    }

    /** Kind, text, count and the functions of each stack: what does not depend on the load address. */
    private static List<String> errorsWithoutAddresses(ValgrindXmlReport report) {
        return report.errors().stream().map(e -> e.kind() + " '" + e.what() + "' x" + e.count() + " at "
                + e.stack().stream().map(ValgrindXmlParserTest::programFrame).toList()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1.320|<definitely_lost><bytes> holds '1.320', which is not a number",
        "1,32|<definitely_lost><bytes> holds '1,32', which is not a number",
        "-5|<definitely_lost><bytes> holds '-5', which is not a number",
        "99999999999999999999|<definitely_lost><bytes> holds '99999999999999999999', which is not a number"})
    void aSummaryCountThatCannotBeReadIsAnErrorNamingTheFileTheElementAndItsPlace(String bytes, String problem)
            throws IOException {
        String xml = Files.readString(Fixtures.file("memcheck/separators.3.27.xml"))
                .replace("<bytes>10,920</bytes>", "<bytes>" + bytes + "</bytes>");
        int line = (int) xml.substring(0, xml.indexOf("<bytes>" + bytes)).lines().count();

        ValgrindXmlException e = assertThrows(ValgrindXmlException.class,
                () -> ValgrindXmlParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                        "final.xml"));

        assertEquals("final.xml:" + line + ":" + (4 + "<bytes>".length() + 1) + ": " + problem, e.getMessage());
    }

    @Test
    void aMissingSummaryCountIsAnErrorRatherThanZero() {
        ValgrindXmlException e = assertThrows(ValgrindXmlException.class, () -> parseText(
                "<valgrindoutput>\n<leak_summary>\n<definitely_lost><bytes>1,320</bytes></definitely_lost>\n"
                        + "</leak_summary>\n</valgrindoutput>\n"));

        assertEquals("test.xml:3:18: <definitely_lost> has no <blocks>", e.getMessage());
    }

    @Test
    void aFileNamesItselfInTheError() throws IOException {
        Path file = Files.createTempFile("vgharness-test", ".xml");
        try {
            Files.writeString(file, "<valgrindoutput>\n<pid>12x</pid>\n</valgrindoutput>\n");

            ValgrindXmlException e = assertThrows(ValgrindXmlException.class, () -> ValgrindXmlParser.parse(file));

            assertEquals(file + ":2:6: <pid> holds '12x', which is not a number", e.getMessage());
        } finally {
            Files.delete(file);
        }
    }
}
