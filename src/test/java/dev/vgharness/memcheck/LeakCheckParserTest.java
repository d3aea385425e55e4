package dev.vgharness.memcheck;

import static dev.vgharness.memcheck.Golden.MALLOC;
import static dev.vgharness.memcheck.Golden.VGPRELOAD;
import static dev.vgharness.memcheck.Golden.answer;
import static dev.vgharness.memcheck.Golden.leaks;
import static dev.vgharness.memcheck.Golden.miAnswer;
import static dev.vgharness.memcheck.Golden.obj;
import static dev.vgharness.memcheck.Golden.record;
import static dev.vgharness.memcheck.Golden.src;
import static dev.vgharness.memcheck.Golden.totals;
import static dev.vgharness.memcheck.LeakKind.DEFINITELY_LOST;
import static dev.vgharness.memcheck.LeakKind.INDIRECTLY_LOST;
import static dev.vgharness.memcheck.LeakKind.POSSIBLY_LOST;
import static dev.vgharness.memcheck.LeakKind.STILL_REACHABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakCheckParserTest {

    private static final StackFrame MK = leaks(0x1091E4, "mk", "mk_alloc");
    private static final StackFrame MAIN_TREE = leaks(0x109312, "main", "call_tree");
    private static final StackFrame MAIN_REACHABLE = leaks(0x10931C, "main", "call_reachable");
    private static final String REACHABLE_HINT_1 = "Reachable blocks (those to which a pointer was found) are not shown.";
    private static final String REACHABLE_HINT_2 = "To see them, add 'reachable any' args to leak_check";

    @Test
    void parsesEveryLossRecordOfAFullReachableSearch() {
        LeakCheckAnswer result = LeakCheckParser.parse(answer("leaks.leak_check_full_any.txt"));

        List<LossRecord> expected = List.of(
                record(1, 10, STILL_REACHABLE, 16, 1, MALLOC, MK,
                        leaks(0x109295, "make_reachable", "reachable_tree"), MAIN_REACHABLE),
                record(2, 10, STILL_REACHABLE, 16, 1, MALLOC, MK,
                        leaks(0x1092A8, "make_reachable", "reachable_left"), MAIN_REACHABLE),
                record(3, 10, INDIRECTLY_LOST, 16, 1, MALLOC, MK, leaks(0x109220, "make_tree", "tree_left"), MAIN_TREE),
                record(4, 10, INDIRECTLY_LOST, 16, 1, MALLOC, MK,
                        leaks(0x109233, "make_tree", "tree_left_left"), MAIN_TREE),
                record(5, 10, INDIRECTLY_LOST, 16, 1, MALLOC, MK,
                        leaks(0x109242, "make_tree", "tree_left_right"), MAIN_TREE),
                record(6, 10, INDIRECTLY_LOST, 16, 1, MALLOC, MK, leaks(0x10924B, "make_tree", "tree_right"), MAIN_TREE),
                record(7, 10, DEFINITELY_LOST, 16, 1, MALLOC, leaks(0x1091C4, "make_definite", "definite_alloc"),
                        leaks(0x10930D, "main", "call_definite")),
                record(8, 10, POSSIBLY_LOST, 64, 1, MALLOC, leaks(0x109268, "make_possible", "possible_alloc"),
                        leaks(0x109317, "main", "call_possible")),
                new LossRecord(9, 10, DEFINITELY_LOST, 80, 16, 64, 1, null, null, null, null, false,
                        List.of(MALLOC, MK, leaks(0x109217, "make_tree", "tree_root"), MAIN_TREE)),
                record(10, 10, STILL_REACHABLE, 100, 1, MALLOC,
                        leaks(0x109289, "make_reachable", "reachable_alloc"), MAIN_REACHABLE));
        LeakSummary summary = new LeakSummary(totals(32, 2), totals(64, 4), totals(64, 1), totals(132, 3),
                totals(0, 0), List.of());
        assertEquals(new LeakCheckAnswer(expected, summary, false, null, List.of(), List.of()), result);
    }

    @Test
    void parsesDeltasOfAnIncreasedSearchIncludingNegativeOnes() {
        LeakCheckAnswer result = LeakCheckParser.parse(answer("leaks.leak_check_increased.txt"));

        List<LossRecord> expected = List.of(
                new LossRecord(9, 12, DEFINITELY_LOST, 16, 16, 0, 1, 16L, 16L, null, 1L, false, List.of(MALLOC,
                        src(0x48F99A9, "strdup", "strdup.c", 42), leaks(0x1092F6, "more_leaks", "strdup_alloc"),
                        leaks(0x109330, "main", "call_more"))),
                new LossRecord(12, 12, DEFINITELY_LOST, 600, 600, 0, 3, 600L, 600L, null, 3L, false, List.of(
                        obj(0x48465EF, "calloc", VGPRELOAD), leaks(0x1092D2, "more_leaks", "calloc_alloc"),
                        leaks(0x109330, "main", "call_more"))));
        LeakSummary summary = new LeakSummary(totals(648, 616, 6, 4), totals(64, 0, 4, 0), totals(64, 0, 1, 0),
                totals(32, -100, 2, -1), totals(0, 0, 0, 0), List.of());
        assertEquals(new LeakCheckAnswer(expected, summary, false, null, List.of(), List.of()), result);
    }

    @Test
    void summaryModeGivesTheSummaryAndItsHint() {
        LeakCheckAnswer result = LeakCheckParser.parse(answer("leaks.leak_check_summary.txt"));

        LeakSummary summary = new LeakSummary(totals(32, 0, 2, 0), totals(64, 0, 4, 0), totals(64, 0, 1, 0),
                totals(132, 0, 3, 0), totals(0, 0, 0, 0), List.of());
        assertEquals(new LeakCheckAnswer(List.of(), summary, false, null,
                List.of("To see details of leaked memory, give 'full' arg to leak_check"), List.of()), result);
    }

    @Test
    void defaultModeHintsThatReachableBlocksAreHidden() {
        LeakCheckAnswer result = LeakCheckParser.parse(answer("leaks.leak_check_default.txt"));

        LeakSummary summary = new LeakSummary(totals(32, 0, 2, 0), totals(64, 0, 4, 0), totals(64, 0, 1, 0),
                totals(132, 0, 3, 0), totals(0, 0, 0, 0), List.of());
        assertEquals(new LeakCheckAnswer(List.of(), summary, false, null, List.of(REACHABLE_HINT_1, REACHABLE_HINT_2),
                List.of()), result);
    }

    @Test
    void aBadLimitIsReportedAndTheSearchStillRuns() {
        LeakCheckAnswer result = LeakCheckParser.parse(answer("leaks.errors_leak_check_limited0.txt"));

        LeakSummary summary = new LeakSummary(totals(648, 0, 6, 0), totals(64, 0, 4, 0), totals(64, 0, 1, 0),
                totals(32, 0, 2, 0), totals(0, 0, 0, 0), List.of());
        assertEquals(new LeakCheckAnswer(List.of(), summary, false, null, List.of(REACHABLE_HINT_1, REACHABLE_HINT_2),
                List.of(new MonitorError(MonitorErrorKind.BAD_LIMIT, "max_loss_records_output must be >= 1, got 0"))),
                result);
    }

    @Test
    void anUnknownKeywordOrBadKindsSetSkipsTheSearch() {
        LeakCheckAnswer result = LeakCheckParser.parse(answer("leaks.errors_leak_check.txt"));

        assertEquals(new LeakCheckAnswer(List.of(), null, false, null, List.of(), List.of(
                new MonitorError(MonitorErrorKind.UNKNOWN_KEYWORD, "bogus does not match any of 'full summary xtleak "
                        + "kinds reachable possibleleak definiteleak heuristics increased changed any unlimited limited '"),
                new MonitorError(MonitorErrorKind.BAD_SET, "missing or malformed leak kinds set"))), result);
        assertEquals(false, result.searched());
    }

    @Test
    void parsesThousandsSeparatorsInEveryNumberOf1100Records() {
        LeakCheckAnswer result = LeakCheckParser.parse(answer("many.leak_check_full.txt"));

        List<LossRecord> records = result.lossRecords();
        assertEquals(1099, records.size());
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            LossRecord r = records.get(i);
            assertEquals(record(i + 1, 1101, DEFINITELY_LOST, r.bytes(), 1, MALLOC,
                    src(r.stack().get(1).address(), "leak_many", "many.c", dev.vgharness.Fixtures.line("src/many.c",
                            "leak_many")), src(0x10DEE5, "main", "many.c",
                            dev.vgharness.Fixtures.line("src/many.c", "call_leak_many"))), r);
            sizes.add(r.bytes());
        }
        List<Long> expectedSizes = new ArrayList<>();
        for (long size = 100; size <= 1198; size++) {
            expectedSizes.add(size);
        }
        assertEquals(expectedSizes, sizes);
        assertEquals(new LeakSummary(totals(713_251, 1_099), totals(0, 0), totals(0, 0), totals(1_235_766, 2),
                totals(0, 0), List.of()), result.summary());
    }

    @Test
    void parsesTheSummaryDeltasOfALargeSearch() {
        LeakCheckAnswer result = LeakCheckParser.parse(answer("many.leak_check_summary_delta.txt"));

        assertEquals(new LeakSummary(totals(713_251, 712_053, 1_099, 1_098), totals(0, 0, 0, 0), totals(0, 0, 0, 0),
                totals(1_235_766, 0, 2, 0), totals(0, 0, 0, 0), List.of()), result.summary());
    }

    @Test
    void parsesTheReachableViaHeuristicBreakdown() {
        String text = answer("sample319.heur.gdb.stderr");
        List<LeakCheckAnswer> searches = LeakCheckParser.parseAll(new java.io.StringReader(text));

        assertEquals(new LeakSummary(totals(32, 1), totals(0, 0), totals(0, 0), totals(1_307_532, 6), totals(0, 0),
                List.of(new HeuristicTotals("length64", 72, 1, null, null),
                        new HeuristicTotals("newarray", 48, 1, null, null))), searches.get(1).summary());
    }

    @Test
    void parsesDeltasAndTheNewMarkerOfValgrind327() {
        String text = miAnswer("sample327.leaks.mi.transcript", "monitor leak_check full reachable increased");
        LeakCheckAnswer result = LeakCheckParser.parse(text);

        StackFrame malloc327 = src(0x484676B, "malloc", "vg_replace_malloc.c", 447);
        StackFrame makeDefinite = src(0x4001193, "make_definite", "leaks.c", 23);
        List<LossRecord> expected = List.of(
                new LossRecord(2, 9, DEFINITELY_LOST, 16, 16, 0, 1, 16L, 16L, null, 1L, true,
                        List.of(malloc327, makeDefinite, src(0x40012F3, "main", "leaks.c", 64))),
                new LossRecord(9, 9, DEFINITELY_LOST, 200, 200, 0, 1, 200L, 200L, null, 1L, true,
                        List.of(malloc327, makeDefinite, src(0x40012FD, "main", "leaks.c", 65))));
        LeakSummary summary = new LeakSummary(totals(280, 216, 5, 2), totals(64, 0, 2, 0), totals(64, 0, 1, 0),
                totals(100, 0, 1, 0), totals(0, 0, 0, 0), List.of());
        assertEquals(new LeakCheckAnswer(expected, summary, false, null, List.of(), List.of()), result);
    }

    @Test
    void parsesTimeStampedPrefixes() {
        LeakCheckAnswer result = LeakCheckParser.parse(answer("sample319.timestamp.gdb.stderr"));

        assertEquals(new LeakSummary(totals(64, 64, 3, 3), totals(64, 64, 2, 2), totals(64, 64, 1, 1),
                totals(100, 100, 1, 1), totals(0, 0, 0, 0), List.of()), result.summary());
        assertEquals(List.of("To see details of leaked memory, give 'full' arg to leak_check"), result.hints());
    }

    @Test
    void theSameAnswerParsesAlikeWithoutPrefixWithTimeStampsAndUnderNestedValgrind() {
        String text = answer("leaks.leak_check_full_any.txt");
        LeakCheckAnswer prefixed = LeakCheckParser.parse(text);

        assertEquals(prefixed, LeakCheckParser.parse(text.replace("==7558== ", "").replace("==7558==", "")));
        assertEquals(prefixed, LeakCheckParser.parse(text.replace("==7558==", "==00:00:01:02.345 7558==")));
        assertEquals(prefixed, LeakCheckParser.parse(text.replace("==7558==", ">>==7558==")));
    }

    @Test
    void xtleakModeNamesTheReportFileAndPrintsOnlyTheSummary() {
        LeakCheckAnswer result = LeakCheckParser.parse(answer("sample319.xtleak.gdb.stderr"));

        assertEquals(new LeakCheckAnswer(List.of(), new LeakSummary(totals(64, 3), totals(64, 2), totals(64, 1),
                totals(100, 1), totals(0, 0), List.of()), false, "/src/samples/xtleak.kcg.1894.1", List.of(), List.of()),
                result);
    }

    @Test
    void noLeaksPossibleIsAnAnswerOfItsOwn() {
        String text = miAnswer("sample319.errs.mi.transcript", "114-interpreter-exec");

        assertEquals(new LeakCheckAnswer(List.of(), null, true, null, List.of(), List.of()), LeakCheckParser.parse(text));
    }

    @Test
    void errorMarkersAroundRecordsDoNotDisturbTheRecords() {
        String text = miAnswer("sample319.markers.mi.transcript", "monitor leak_check full reachable any");
        LeakCheckAnswer result = LeakCheckParser.parse(text);

        StackFrame cycleMain = src(0x1092DA, "main", "leaks.c", 60);
        StackFrame indirectMain = src(0x1092D5, "main", "leaks.c", 59);
        assertEquals(new LeakCheckAnswer(List.of(
                record(2, 7, INDIRECTLY_LOST, 24, 1, MALLOC, src(0x109218, "make_cycle", "leaks.c", 39), cycleMain),
                record(3, 7, INDIRECTLY_LOST, 40, 1, MALLOC, src(0x1091D7, "make_indirect", "leaks.c", 31),
                        indirectMain),
                new LossRecord(4, 7, DEFINITELY_LOST, 48, 24, 24, 1, null, null, null, null, false,
                        List.of(MALLOC, src(0x10920A, "make_cycle", "leaks.c", 38), cycleMain)),
                record(5, 7, POSSIBLY_LOST, 64, 1, MALLOC, src(0x1092AB, "main", "leaks.c", 55)),
                new LossRecord(6, 7, DEFINITELY_LOST, 64, 24, 40, 1, null, null, null, null, false,
                        List.of(MALLOC, src(0x1091C9, "make_indirect", "leaks.c", 30), indirectMain)),
                record(7, 7, STILL_REACHABLE, 100, 1, MALLOC, src(0x10929A, "main", "leaks.c", 54))),
                new LeakSummary(totals(48, 2), totals(64, 2), totals(64, 1), totals(100, 1), totals(16, 1), List.of()),
                false, null, List.of(), List.of()), result);
    }

    @Test
    void aLimitedSearchPrintsTheLargestRecordsWithSeparatedNumbers() {
        LeakCheckAnswer result = LeakCheckParser.parse(answer("many.leak_check_limited.txt"));

        StackFrame main = src(0x10DEE5, "main", "many.c", dev.vgharness.Fixtures.line("src/many.c", "call_leak_many"));
        int leakMany = dev.vgharness.Fixtures.line("src/many.c", "leak_many");
        assertEquals(List.of(
                record(1099, 1101, DEFINITELY_LOST, 1198, 1, MALLOC, src(0x10DEAE, "leak_many", "many.c", leakMany),
                        main),
                record(1100, 1101, STILL_REACHABLE, 1199, 1, MALLOC, src(0x10DEC0, "leak_many", "many.c", leakMany),
                        main),
                record(1101, 1101, STILL_REACHABLE, 1_234_567, 1, MALLOC,
                        src(0x10DED9, "main", "many.c", dev.vgharness.Fixtures.line("src/many.c", "big_alloc")))),
                result.lossRecords());
        assertEquals(totals(1198, 1), result.summary().definitelyLost());
    }

    @Test
    void aLeakSummaryLineWhoseNumbersCannotBeReadIsAnErrorNamingItsLineNotAZero() {
        String text = answer("many.leak_check_full.txt");
        String damaged = text.replace("definitely lost: 713,251 bytes", "definitely lost: 713.251 bytes");
        long line = text.substring(0, text.indexOf("definitely lost: 713,251")).lines().count();

        MemcheckTextException e = assertThrows(MemcheckTextException.class, () -> LeakCheckParser.parse(damaged));

        assertEquals("line " + line + ": a LEAK SUMMARY line whose numbers cannot be read: 'definitely lost: 713.251"
                + " bytes in 1,099 blocks'", e.getMessage());
    }

    @Test
    void aLossRecordHeaderWhoseNumbersCannotBeReadIsAnErrorNotASkippedRecord() {
        MemcheckTextException e = assertThrows(MemcheckTextException.class, () -> LeakCheckParser.parse(
                "==1== 1,320 bytes in 5x blocks are definitely lost in loss record 1 of 4\n"));

        assertEquals("line 1: a loss record header whose numbers cannot be read: '1,320 bytes in 5x blocks are"
                + " definitely lost in loss record 1 of 4'", e.getMessage());
    }
}
