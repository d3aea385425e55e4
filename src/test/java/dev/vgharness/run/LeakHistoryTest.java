package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import dev.vgharness.memcheck.LeakCheckAnswer;
import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.plan.LeakCheckAction;
import dev.vgharness.plan.LeakCheckAction.Delta;
import dev.vgharness.plan.LeakCheckAction.Heuristic;
import dev.vgharness.plan.LeakCheckAction.Mode;
import dev.vgharness.plan.LossKind;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.StopLeakCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per-record deltas and filters of {@link LeakHistory} (through {@link LeakCheckSeries}, which sends the searches)
 * on Valgrind's recorded answers at the seven stops of {@code fixtures/src/sites.c}: two call sites of one function
 * (site A at {@code MARK:site_a}, site B at {@code MARK:site_b}) where B catches up with A and overtakes it, and a
 * kept block that is freed at stop 5.
 */
class LeakHistoryTest {

    private static final String TRACKING = "leak_check full reachable changed heuristics all";
    private static final String COMPLETE = "leak_check full reachable any heuristics all";
    private static final LeakCheckAction DEFAULTS = LeakCheckAction.defaults();
    private static final LeakCheckAction POSSIBLE = check(Mode.FULL, EnumSet.of(LossKind.POSSIBLE), Delta.ANY,
            OptionalInt.empty());
    private static final LeakCheckAction INCREASED = check(Mode.FULL, EnumSet.allOf(LossKind.class), Delta.INCREASED,
            OptionalInt.empty());
    private static final LeakCheckAction CHANGED = check(Mode.FULL, EnumSet.allOf(LossKind.class), Delta.CHANGED,
            OptionalInt.empty());
    private static final LeakCheckAction NEW = check(Mode.FULL, EnumSet.allOf(LossKind.class), Delta.NEW,
            OptionalInt.empty());
    private static final LeakCheckAction SUMMARY = check(Mode.SUMMARY, EnumSet.allOf(LossKind.class), Delta.ANY,
            OptionalInt.empty());
    private static final LeakCheckAction BIGGEST = check(Mode.FULL, EnumSet.allOf(LossKind.class), Delta.ANY,
            OptionalInt.of(1));
    private static final LeakCheckAction XTLEAK = check(Mode.XTLEAK, EnumSet.allOf(LossKind.class), Delta.ANY,
            OptionalInt.empty());
    /** What the stops ask in the end-to-end test, and what {@code sites.asked} recorded Valgrind answering. */
    static final List<LeakCheckAction> ASKED = List.of(DEFAULTS, POSSIBLE, DEFAULTS, INCREASED, CHANGED, SUMMARY,
            BIGGEST);

    private static LeakCheckAction check(Mode mode, Set<LossKind> kinds, Delta delta, OptionalInt limit) {
        return new LeakCheckAction(mode, kinds, delta, limit, EnumSet.allOf(Heuristic.class));
    }

    /** The checks of one case, answered from a recorded session; per stop the check and all its records. */
    private record Checks(List<StopLeakCheck> shown, List<List<LossRecordResult>> all) {

        static Checks run(RecordedSession session, List<LeakCheckAction> asked) throws Exception {
            LeakCheckSeries series = new LeakCheckSeries();
            List<StopLeakCheck> shown = new ArrayList<>();
            List<List<LossRecordResult>> all = new ArrayList<>();
            for (LeakCheckAction action : asked) {
                session.next();
                shown.add(series.check(action.monitorCommand(), action, KnownLeaks.NONE, session));
                all.add(series.allRecords(KnownLeaks.NONE));
            }
            return new Checks(shown, all);
        }

        List<LossRecord> records(int stop) {
            return shown.get(stop - 1).lossRecords().stream().map(LossRecordResult::record).toList();
        }
    }

    static Stream<Arguments> askedStops() {
        return IntStream.rangeClosed(1, ASKED.size()).mapToObj(s -> Arguments.of(s, ASKED.get(s - 1).monitorCommand()));
    }

    @ParameterizedTest(name = "stop {0}: {1}")
    @MethodSource("askedStops")
    void aCheckShowsWhatValgrindShowsForItWithValgrindsOwnPerRecordDeltas(int stop, String asked) throws Exception {
        RecordedSession followed = RecordedSession.load("sites.followed");
        Checks checks = Checks.run(followed, ASKED);

        LeakCheckAnswer valgrind = RecordedSession.load("sites.asked").answer(stop, asked);
        List<LossRecord> changed = followed.answer(stop, TRACKING).lossRecords();
        assertEquals(valgrind.lossRecords().stream().map(r -> withDeltasOf(r, changed)).toList(), checks.records(stop));
    }

    @Test
    void everySummaryIsValgrindsWithValgrindsOwnDeltas() throws Exception {
        RecordedSession followed = RecordedSession.load("sites.followed");
        Checks checks = Checks.run(followed, ASKED);

        for (int stop = 1; stop <= ASKED.size(); stop++) {
            assertEquals(followed.answer(stop, TRACKING).summary(), checks.shown().get(stop - 1).summary(),
                    "stop " + stop);
        }
    }

    @Test
    void aSiteThatDidNotChangeReadsZeroAfterAFilteredCheckAndOneThatGrewReadsItsGrowth() throws Exception {
        Checks checks = Checks.run(RecordedSession.load("sites.followed"), ASKED);

        // Stop 2 asked for possibly lost records only; stop 3 measures from it all the same.
        assertEquals(List.of(0L, 16L), deltas(checks.records(3), "site_a", "site_b"));
        // Stop 4 showed only what increased (site B); site A grew by 32 since.
        assertEquals(List.of(32L), deltas(checks.records(5).subList(1, 2), "site_a"));
    }

    @Test
    void aVanishedRecordIsReportedGoneWithItsNegativeDelta() throws Exception {
        Checks checks = Checks.run(RecordedSession.load("sites.followed"), ASKED);

        LossRecordResult kept = checks.shown().get(4).lossRecords().get(0);
        assertTrue(kept.gone());
        assertEquals(new LossRecord(1, 3, LeakKind.STILL_REACHABLE, 0, 0, 0, 0, -100L, -100L, 0L, -1L, false,
                kept.record().stack()), kept.record());
        assertEquals(Fixtures.line("src/sites.c", "kept"), kept.record().stack().get(1).line());
    }

    @Test
    void aKindsSummaryDeltaIsTheSumOfItsRecordsDeltas() throws Exception {
        for (String session : List.of("sites.followed", "sites.suppressed", "sites.xtleak")) {
            Checks checks = Checks.run(RecordedSession.load(session), session.endsWith("xtleak")
                    ? Collections.nCopies(7, XTLEAK) : ASKED);
            for (int stop = 1; stop <= 7; stop++) {
                LeakSummary summary = checks.shown().get(stop - 1).summary();
                for (LeakKind kind : LeakKind.values()) {
                    List<LossRecord> ofKind = checks.all().get(stop - 1).stream().map(LossRecordResult::record)
                            .filter(r -> r.kind() == kind).toList();
                    String where = session + " stop " + stop + " " + kind;
                    assertEquals(summary.of(kind).bytesDelta(),
                            ofKind.stream().mapToLong(LossRecord::directBytesDelta).sum(), where);
                    assertEquals(summary.of(kind).blocksDelta(),
                            ofKind.stream().mapToLong(LossRecord::blocksDelta).sum(), where);
                }
            }
        }
    }

    @Test
    void unchangedRecordsTakeTheFreeNumbersInTheirPreviousOrderWithoutASecondSearch() throws Exception {
        RecordedSession followed = RecordedSession.load("sites.followed");
        Checks checks = Checks.run(followed, Collections.nCopies(7, DEFAULTS));

        // A session of complete searches alone numbers its records as the tracking searches do: at stop 5 the freed
        // block is record 1 of 3 in both (and in neither is it printed by 'any').
        RecordedSession any = RecordedSession.load("sites.any");
        for (int stop = 1; stop <= 7; stop++) {
            assertEquals(List.of(TRACKING), followed.sent().get(stop - 1), "stop " + stop);
            assertEquals(any.answer(stop, COMPLETE).lossRecords().stream().map(r -> r.number() + " of " + r.of())
                    .toList(), checks.records(stop).stream().map(r -> r.number() + " of " + r.of()).toList(),
                    "stop " + stop);
        }
    }

    @Test
    void aCompleteSearchGivesEveryRecordTheDeltasValgrindsTrackingSearchPrinted() throws Exception {
        RecordedSession any = RecordedSession.load("sites.any");
        RecordedSession followed = RecordedSession.load("sites.followed");
        LeakHistory history = new LeakHistory();

        for (int stop = 1; stop <= 7; stop++) {
            LeakSearch search = history.complete(any.answer(stop, COMPLETE));
            List<LossRecord> changed = search.records().stream()
                    .filter(r -> r.bytesDelta() != 0 || r.blocksDelta() != 0).toList();
            assertEquals(deltasByKey(followed.answer(stop, TRACKING).lossRecords()), deltasByKey(changed),
                    "stop " + stop);
        }
    }

    @Test
    void withASuppressedRecordACheckOfUnchangedRecordsAsksForTheirNumbers() throws Exception {
        RecordedSession suppressed = RecordedSession.load("sites.suppressed");
        Checks checks = Checks.run(suppressed, Collections.nCopies(7, DEFAULTS));

        // The suppressed block takes a number from stop 2 to stop 5 (freed there, it is gone at stop 6), so the free
        // places are not only the unchanged records' then.
        for (int stop = 1; stop <= 7; stop++) {
            assertEquals(stop >= 2 && stop <= 5 ? List.of(TRACKING, COMPLETE) : List.of(TRACKING),
                    suppressed.sent().get(stop - 1), "stop " + stop);
            assertEquals(numbers(suppressed.answer(stop, COMPLETE).lossRecords()), numbers(checks.records(stop)),
                    "stop " + stop);
            assertEquals(suppressed.answer(stop, TRACKING).summary(), checks.shown().get(stop - 1).summary());
        }
        assertEquals(List.of(0L, 16L), deltas(checks.records(3), "site_a", "site_b"));
    }

    @Test
    void aCheckOfChangesNeedsNoNumbersOfUnchangedRecordsEvenWithASuppressedOne() throws Exception {
        RecordedSession suppressed = RecordedSession.load("sites.suppressed");
        Checks.run(suppressed, Collections.nCopies(7, CHANGED));

        suppressed.sent().forEach(sent -> assertEquals(List.of(TRACKING), sent));
    }

    @Test
    void anAnswerThatDoesNotAddUpIsReadAgainFromACompleteSearch() throws Exception {
        RecordedSession followed = RecordedSession.load("sites.followed");
        LeakCheckSeries series = new LeakCheckSeries();
        followed.next();
        series.check("check", DEFAULTS, KnownLeaks.NONE, followed);
        followed.next(); // stop 2 searched behind the harness's back (a client request of the program, say)
        followed.next();
        StopLeakCheck third = series.check("check", DEFAULTS, KnownLeaks.NONE, followed);

        assertEquals(List.of(TRACKING, COMPLETE), followed.sent().get(2));
        // Since stop 1: site A unchanged, site B +32, and the kept block is new.
        assertEquals(List.of(0L, 32L), deltas(records(third), "site_a", "site_b"));
        assertEquals(List.of(100L), records(third).stream().filter(r -> r.kind() == LeakKind.STILL_REACHABLE)
                .map(LossRecord::bytesDelta).toList());
        assertEquals(numbers(followed.answer(3, COMPLETE).lossRecords()), numbers(records(third)));
    }

    @Test
    void newShowsOnlyTheRecordsThatHadNoBlocksAtThePreviousSearch() throws Exception {
        Checks checks = Checks.run(RecordedSession.load("sites.followed.327"), Collections.nCopies(7, NEW));

        RecordedSession valgrind = RecordedSession.load("sites.new.327");
        for (int stop = 1; stop <= 7; stop++) {
            assertEquals(valgrind.answer(stop, NEW.monitorCommand()).lossRecords().stream()
                    .map(r -> withIndirectDelta(r, r.newRecord())).toList(), checks.records(stop), "stop " + stop);
        }
    }

    @Test
    void aSamplersSummarySearchShowsNoRecordAndRenewsEveryBaseline() throws Exception {
        List<LeakCheckAction> asked = new ArrayList<>(Collections.nCopies(7, DEFAULTS));
        asked.set(5, MemcheckCaseRunner.sampleCheck());
        Checks checks = Checks.run(RecordedSession.load("sites.followed"), asked);

        assertEquals(List.of(), checks.records(6));
        assertEquals(16L, checks.shown().get(5).summary().definitelyLost().bytesDelta());
        assertEquals(List.of(0L, 0L), deltas(checks.records(7), "site_a", "site_b"));
        assertEquals(0L, checks.shown().get(6).summary().definitelyLost().bytesDelta());
    }

    @Test
    void aLimitShowsTheBiggestRecordsOfTheKindsAsked() throws Exception {
        List<LeakCheckAction> asked = new ArrayList<>(Collections.nCopies(7, DEFAULTS));
        asked.set(3, check(Mode.FULL, EnumSet.of(LossKind.DEFINITE), Delta.ANY, OptionalInt.of(1)));
        Checks checks = Checks.run(RecordedSession.load("sites.followed"), asked);

        // At stop 4 site B (64 bytes) has overtaken site A (48); the kept block (100) is not of the kind asked.
        assertEquals(List.of(16L), deltas(checks.records(4), "site_b"));
        assertEquals(List.of(2), numbers(checks.records(4)));
    }

    @Test
    void anXtleakCheckSearchesFirstAndReadsTheValuesFromACompleteSearch() throws Exception {
        RecordedSession xtleak = RecordedSession.load("sites.xtleak");
        Checks checks = Checks.run(xtleak, Collections.nCopies(7, XTLEAK));
        Checks tracked = Checks.run(RecordedSession.load("sites.followed"), Collections.nCopies(7, CHANGED));

        for (int stop = 1; stop <= 7; stop++) {
            assertEquals(List.of(XTLEAK.monitorCommand(), COMPLETE), xtleak.sent().get(stop - 1));
            assertEquals(List.of(), checks.records(stop));
            assertEquals(deltasByKey(tracked.records(stop)), deltasByKey(changes(checks.all().get(stop - 1))),
                    "stop " + stop);
        }
    }

    @Test
    void whenNoBlockIsLeftEveryKnownRecordIsGone() throws Exception {
        RecordedSession followed = RecordedSession.load("sites.followed");
        LeakCheckSeries series = new LeakCheckSeries();
        followed.next();
        series.check("check", DEFAULTS, KnownLeaks.NONE, followed);
        // "All heap blocks were freed": Valgrind forgets its records then and prints none.
        StopLeakCheck freed = series.check("check", CHANGED, KnownLeaks.NONE,
                command -> "==7394== All heap blocks were freed -- no leaks are possible\n==7394== \n");

        assertEquals(List.of(-16L, -48L), records(freed).stream().map(LossRecord::bytesDelta).toList());
        assertTrue(freed.lossRecords().stream().allMatch(LossRecordResult::gone));
        assertEquals(-64L, freed.summary().definitelyLost().bytesDelta());
    }

    /**
     * Valgrind's record with the deltas its tracking search printed for it at that stop (0 when it printed none:
     * unchanged). Valgrind 3.19 prints no "new" marker, and no indirect delta on a record without indirect bytes:
     * the harness says whether a record is new on every version, and its indirect delta is 0 then.
     */
    private static LossRecord withDeltasOf(LossRecord r, List<LossRecord> changed) {
        LossRecord d = changed.stream().filter(c -> LossRecordKey.of(c).equals(LossRecordKey.of(r))).findFirst()
                .orElse(null);
        return d == null ? new LossRecord(r.number(), r.of(), r.kind(), r.bytes(), r.directBytes(), r.indirectBytes(),
                r.blocks(), 0L, 0L, 0L, 0L, false, r.stack()) : withIndirectDelta(d, d.blocks() == d.blocksDelta());
    }

    private static LossRecord withIndirectDelta(LossRecord d, boolean isNew) {
        return new LossRecord(d.number(), d.of(), d.kind(), d.bytes(), d.directBytes(), d.indirectBytes(), d.blocks(),
                d.bytesDelta(), d.directBytesDelta(), d.indirectBytesDelta() == null ? 0L : d.indirectBytesDelta(),
                d.blocksDelta(), isNew && d.blocks() > 0, d.stack());
    }

    /** The bytes deltas of the records allocated at these marks of sites.c, in that order. */
    private static List<Long> deltas(List<LossRecord> records, String... marks) {
        List<Long> deltas = new ArrayList<>();
        for (String mark : marks) {
            int line = Fixtures.line("src/sites.c", mark);
            records.stream().filter(r -> r.stack().size() > 2 && Integer.valueOf(line).equals(r.stack().get(2).line()))
                    .forEach(r -> deltas.add(r.bytesDelta()));
        }
        return deltas;
    }

    private static List<String> deltasByKey(List<LossRecord> records) {
        return records.stream().map(r -> LossRecordKey.of(r) + " " + r.bytesDelta() + " " + r.blocksDelta()).sorted()
                .toList();
    }

    private static List<LossRecord> changes(List<LossRecordResult> records) {
        return records.stream().map(LossRecordResult::record).filter(r -> r.bytesDelta() != 0 || r.blocksDelta() != 0)
                .toList();
    }

    private static List<Integer> numbers(List<LossRecord> records) {
        return records.stream().map(LossRecord::number).toList();
    }

    private static List<LossRecord> records(StopLeakCheck check) {
        return check.lossRecords().stream().map(LossRecordResult::record).toList();
    }
}
