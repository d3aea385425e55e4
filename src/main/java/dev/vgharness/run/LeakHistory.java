package dev.vgharness.run;

import dev.vgharness.memcheck.HeuristicTotals;
import dev.vgharness.memcheck.LeakCheckAnswer;
import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.memcheck.LeakTotals;
import dev.vgharness.memcheck.LossRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every loss record of a case as it stood at the case's latest leak search, so that per-record deltas are
 * Valgrind's own. Valgrind renews every record's baseline at every search, whatever that search showed
 * (docs/leak-deltas.md), so the harness reads each search it makes in full. Its tracking search ({@code leak_check full reachable
 * changed}, unlimited) prints exactly the records that changed since the previous search:
 * <pre>
 * 48 (+16) bytes in 3 (+1) blocks are definitely lost in loss record 2 of 3    changed: these are its values now
 * 0 (-100) bytes in 0 (-1) blocks are still reachable in loss record 1 of 3    vanished (freed): gone
 *                                                                              not printed: as it was
 * </pre>
 * Records are matched by {@link LossRecordKey} (kind and stack addresses), never by size or rank. An unchanged
 * record keeps its place among the other unchanged ones (its sort keys did not change), so the numbers of the free
 * places are theirs; exact when no record is suppressed. Not thread-safe: one per case.
 */
final class LeakHistory {

    private static final Comparator<LossRecord> VALGRIND_ORDER =
            Comparator.comparing((LossRecord r) -> r.blocks() > 0).thenComparingInt(LossRecord::number);

    /** The live records of the latest search, in Valgrind's order; number 0 where it is not known. */
    private List<LossRecord> live = List.of();
    /** The summary of the latest search, or null before the first. */
    private LeakSummary summary;

    /**
     * The search a tracking search answered, or empty when its answer does not add up with the records known
     * (something else searched since the harness did, such as a client request of the program): then nothing is
     * remembered, and a complete search tells the values instead.
     */
    Optional<LeakSearch> changed(LeakCheckAnswer answer) {
        LeakSummary now = summaryOf(answer);
        Map<LossRecordKey, LossRecord> before = byKey(live);
        List<LossRecord> changed = new ArrayList<>();
        for (LossRecord printed : answer.lossRecords()) {
            LossRecord previous = before.get(LossRecordKey.of(printed));
            if (previous == null && printed.blocks() == 0) {
                return Optional.empty();
            }
            changed.add(since(printed, previous));
        }
        if (answer.noLeaksPossible()) {
            // Valgrind forgets its records then and prints none: every known one is gone.
            return Optional.of(remember(live.stream().map(LeakHistory::gone).toList(), now));
        }
        Set<LossRecordKey> printed = keys(changed);
        List<LossRecord> unchanged = live.stream().filter(r -> !printed.contains(LossRecordKey.of(r)))
                .map(r -> since(r, r)).toList();
        if (!addsUp(now, changed, unchanged)) {
            return Optional.empty();
        }
        return Optional.of(remember(inValgrindOrder(changed, unchanged, now), now));
    }

    /**
     * The search a complete search answered ({@code leak_check full reachable any}, unlimited: every live record
     * with its values now); a known record it does not print is gone, without a number.
     */
    LeakSearch complete(LeakCheckAnswer answer) {
        LeakSummary now = summaryOf(answer);
        Map<LossRecordKey, LossRecord> before = byKey(live);
        Set<LossRecordKey> present = keys(answer.lossRecords());
        List<LossRecord> records = new ArrayList<>();
        live.stream().filter(r -> !present.contains(LossRecordKey.of(r))).forEach(r -> records.add(gone(r)));
        answer.lossRecords().forEach(r -> records.add(since(r, before.get(LossRecordKey.of(r)))));
        return remember(records, now);
    }

    /**
     * The same search with the numbers of a complete search made right after it at the same stop (nothing ran in
     * between, so no value changed; Valgrind dropped the gone records, which keep the numbers they were printed
     * under).
     */
    LeakSearch renumbered(LeakSearch search, LeakCheckAnswer answer) {
        Map<LossRecordKey, LossRecord> numbers = byKey(answer.lossRecords());
        List<LossRecord> records = new ArrayList<>(search.records().size());
        for (LossRecord r : search.records()) {
            LossRecord numbered = r.blocks() == 0 ? null : numbers.get(LossRecordKey.of(r));
            records.add(numbered == null ? r : r.withNumber(numbered.number(), numbered.of()));
        }
        records.sort(VALGRIND_ORDER);
        live = records.stream().filter(r -> r.blocks() > 0).toList();
        return new LeakSearch(search.summary(), records);
    }

    /** Valgrind's exit-time records with deltas since the latest search; remembers nothing. */
    List<LossRecord> atExit(List<LossRecord> records) {
        Map<LossRecordKey, LossRecord> before = byKey(live);
        return records.stream().map(r -> since(r, before.get(LossRecordKey.of(r)))).toList();
    }

    /** Valgrind's exit-time summary with deltas since the latest search; remembers nothing. */
    LeakSummary atExit(LeakSummary now) {
        return since(now, summary);
    }

    private LeakSearch remember(List<LossRecord> records, LeakSummary now) {
        LeakSummary withDeltas = since(now, summary);
        live = records.stream().filter(r -> r.blocks() > 0).toList();
        summary = now;
        return new LeakSearch(withDeltas, records);
    }

    /**
     * The changed records where Valgrind printed them, the unchanged ones in the other places in their previous
     * order. A suppressed record takes a place too and is never printed: with one now or at the previous search,
     * the unchanged records stay unnumbered.
     */
    private List<LossRecord> inValgrindOrder(List<LossRecord> changed, List<LossRecord> unchanged, LeakSummary now) {
        int total = changed.size() + unchanged.size();
        LossRecord[] places = new LossRecord[total];
        boolean exact = now.suppressed().blocks() == 0 && (summary == null || summary.suppressed().blocks() == 0)
                && unchanged.stream().allMatch(r -> r.number() > 0);
        for (LossRecord r : changed) {
            exact &= r.of() == total && places[r.number() - 1] == null;
            if (!exact) {
                break;
            }
            places[r.number() - 1] = r;
        }
        if (!exact) {
            List<LossRecord> records = new ArrayList<>(changed);
            unchanged.forEach(r -> records.add(r.withNumber(0, 0)));
            return records;
        }
        Iterator<LossRecord> rest = unchanged.iterator();
        for (int i = 0; i < total; i++) {
            places[i] = places[i] != null ? places[i] : rest.next().withNumber(i + 1, total);
        }
        return List.of(places);
    }

    /** The summary's totals per kind are the sums of its records' (direct) bytes and blocks. */
    private static boolean addsUp(LeakSummary now, List<LossRecord> changed, List<LossRecord> unchanged) {
        long[][] sums = new long[LeakKind.values().length][2];
        for (List<LossRecord> part : List.of(changed, unchanged)) {
            for (LossRecord r : part) {
                sums[r.kind().ordinal()][0] += r.directBytes();
                sums[r.kind().ordinal()][1] += r.blocks();
            }
        }
        for (LeakKind kind : LeakKind.values()) {
            LeakTotals totals = now.of(kind);
            if (totals.bytes() != sums[kind.ordinal()][0] || totals.blocks() != sums[kind.ordinal()][1]) {
                return false;
            }
        }
        return true;
    }

    private static LeakSummary summaryOf(LeakCheckAnswer answer) {
        return answer.noLeaksPossible() ? LeakSummary.zero() : answer.summary();
    }

    private static Map<LossRecordKey, LossRecord> byKey(List<LossRecord> records) {
        Map<LossRecordKey, LossRecord> map = new HashMap<>();
        records.forEach(r -> map.put(LossRecordKey.of(r), r));
        return map;
    }

    private static Set<LossRecordKey> keys(List<LossRecord> records) {
        return records.stream().map(LossRecordKey::of).collect(Collectors.toSet());
    }

    /** A record now, with its deltas since {@code before} (null: it had no blocks then) and whether it is new. */
    private static LossRecord since(LossRecord now, LossRecord before) {
        LossRecord b = before == null ? gone(now) : before;
        return new LossRecord(now.number(), now.of(), now.kind(), now.bytes(), now.directBytes(), now.indirectBytes(),
                now.blocks(), now.bytes() - b.bytes(), now.directBytes() - b.directBytes(),
                now.indirectBytes() - b.indirectBytes(), now.blocks() - b.blocks(), now.blocks() > 0 && b.blocks() == 0,
                now.stack());
    }

    /** A record that held {@code before} and holds nothing now; Valgrind gave it no number. */
    private static LossRecord gone(LossRecord before) {
        return new LossRecord(0, 0, before.kind(), 0, 0, 0, 0, -before.bytes(), -before.directBytes(),
                -before.indirectBytes(), -before.blocks(), false, before.stack());
    }

    private static LeakSummary since(LeakSummary now, LeakSummary before) {
        return new LeakSummary(
                since(now.definitelyLost(), before == null ? LeakTotals.ZERO : before.definitelyLost()),
                since(now.indirectlyLost(), before == null ? LeakTotals.ZERO : before.indirectlyLost()),
                since(now.possiblyLost(), before == null ? LeakTotals.ZERO : before.possiblyLost()),
                since(now.stillReachable(), before == null ? LeakTotals.ZERO : before.stillReachable()),
                since(now.suppressed(), before == null ? LeakTotals.ZERO : before.suppressed()),
                heuristics(now, before));
    }

    private static LeakTotals since(LeakTotals now, LeakTotals before) {
        return new LeakTotals(now.bytes(), now.blocks(), now.bytes() - before.bytes(), now.blocks() - before.blocks());
    }

    private static List<HeuristicTotals> heuristics(LeakSummary now, LeakSummary before) {
        List<HeuristicTotals> result = new ArrayList<>();
        for (HeuristicTotals h : now.reachableViaHeuristic()) {
            HeuristicTotals previous = before == null ? null : before.reachableViaHeuristic().stream()
                    .filter(b -> b.heuristic().equals(h.heuristic())).findFirst().orElse(null);
            long bytes = previous == null ? 0 : previous.bytes();
            long blocks = previous == null ? 0 : previous.blocks();
            result.add(new HeuristicTotals(h.heuristic(), h.bytes(), h.blocks(), h.bytes() - bytes,
                    h.blocks() - blocks));
        }
        return result;
    }
}
