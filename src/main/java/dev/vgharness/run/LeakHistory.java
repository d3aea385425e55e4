package dev.vgharness.run;

import dev.vgharness.memcheck.HeuristicTotals;
import dev.vgharness.memcheck.LeakIdentity;
import dev.vgharness.memcheck.LeakSites;
import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.memcheck.LeakTotals;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.result.LossRecordResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The previous leak check of a case, for deltas. Valgrind's own deltas are relative to its previous search of any
 * kind (and are absent in {@code any} mode), so the harness computes its own: for the summary, and per loss record
 * matched by leak identity ({@link LeakIdentity}), whatever the monitor mode. At the first check the deltas are
 * measured from zero (the start of the program). Not thread-safe: one per case.
 */
final class LeakHistory {

    private LeakSummary previousSummary;
    private Map<LeakIdentity, List<long[]>> previousRecords = Map.of();

    /** The summary with deltas since the previous check; remembers it. */
    LeakSummary summary(LeakSummary now) {
        LeakSummary before = previousSummary;
        previousSummary = now;
        return new LeakSummary(
                delta(now.definitelyLost(), before == null ? LeakTotals.ZERO : before.definitelyLost()),
                delta(now.indirectlyLost(), before == null ? LeakTotals.ZERO : before.indirectlyLost()),
                delta(now.possiblyLost(), before == null ? LeakTotals.ZERO : before.possiblyLost()),
                delta(now.stillReachable(), before == null ? LeakTotals.ZERO : before.stillReachable()),
                delta(now.suppressed(), before == null ? LeakTotals.ZERO : before.suppressed()),
                heuristics(now, before));
    }

    /**
     * The records with their sites, deltas since the previous check, and whether each is known; remembers them.
     * Records that share an identity (a recursion leaking at several depths of the same line) are matched in order:
     * the k-th such record now with the k-th one before, both in valgrind's order of ascending size.
     */
    List<LossRecordResult> records(List<LossRecord> now, KnownLeaks known) {
        List<List<String>> sites = LeakSites.of(now, known.sources());
        Map<LeakIdentity, List<long[]>> seen = new HashMap<>();
        List<LossRecordResult> results = new ArrayList<>(now.size());
        for (int i = 0; i < now.size(); i++) {
            LossRecord r = now.get(i);
            LeakIdentity identity = LeakIdentity.of(r, sites.get(i));
            List<long[]> group = seen.computeIfAbsent(identity, f -> new ArrayList<>());
            List<long[]> before = previousRecords.getOrDefault(identity, List.of());
            long[] previous = group.size() < before.size() ? before.get(group.size()) : new long[3];
            group.add(new long[] {r.bytes(), r.blocks(), r.directBytes()});
            results.add(new LossRecordResult(withDeltas(r, r.bytes() - previous[0], r.blocks() - previous[1],
                    r.directBytes() - previous[2]), known.isKnown(r, identity), sites.get(i)));
        }
        previousRecords = seen;
        return results;
    }

    private static LeakTotals delta(LeakTotals now, LeakTotals before) {
        return new LeakTotals(now.bytes(), now.blocks(), now.bytes() - before.bytes(), now.blocks() - before.blocks());
    }

    private static List<HeuristicTotals> heuristics(LeakSummary now, LeakSummary before) {
        List<HeuristicTotals> result = new ArrayList<>();
        for (HeuristicTotals h : now.reachableViaHeuristic()) {
            HeuristicTotals previous = before == null ? null : before.reachableViaHeuristic().stream()
                    .filter(b -> b.heuristic().equals(h.heuristic())).findFirst().orElse(null);
            long bytes = previous == null ? 0 : previous.bytes();
            long blocks = previous == null ? 0 : previous.blocks();
            result.add(new HeuristicTotals(h.heuristic(), h.bytes(), h.blocks(), h.bytes() - bytes, h.blocks() - blocks));
        }
        return result;
    }

    /** The direct part's delta too: a baseline record leaves the summary's definite delta by its direct bytes. */
    private static LossRecord withDeltas(LossRecord r, long bytesDelta, long blocksDelta, long directDelta) {
        return new LossRecord(r.number(), r.of(), r.kind(), r.bytes(), r.directBytes(), r.indirectBytes(), r.blocks(),
                bytesDelta, directDelta, bytesDelta - directDelta, blocksDelta, r.newRecord(), r.stack());
    }
}
