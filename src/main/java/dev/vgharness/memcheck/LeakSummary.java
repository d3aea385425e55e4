package dev.vgharness.memcheck;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The LEAK SUMMARY block: bytes and blocks per kind, with deltas when the search printed them, and the
 * still-reachable bytes broken down by heuristic.
 * <pre>
 * LEAK SUMMARY:
 *    definitely lost: 32 (+0) bytes in 1 (+0) blocks
 *    still reachable: 1,307,532 bytes in 6 blocks
 *                       of which reachable via heuristic:
 *                         newarray           : 48 bytes in 1 blocks
 *         suppressed: 0 bytes in 0 blocks
 * </pre>
 */
public record LeakSummary(
        LeakTotals definitelyLost,
        LeakTotals indirectlyLost,
        LeakTotals possiblyLost,
        LeakTotals stillReachable,
        LeakTotals suppressed,
        List<HeuristicTotals> reachableViaHeuristic) {

    public LeakSummary {
        requireNonNull(definitelyLost, "definitelyLost is null");
        requireNonNull(indirectlyLost, "indirectlyLost is null");
        requireNonNull(possiblyLost, "possiblyLost is null");
        requireNonNull(stillReachable, "stillReachable is null");
        requireNonNull(suppressed, "suppressed is null");
        reachableViaHeuristic = List.copyOf(reachableViaHeuristic);
    }

    /** No leaks at all: what Valgrind means by "No malloc'd blocks -- no leaks are possible." */
    public static LeakSummary zero() {
        return new LeakSummary(LeakTotals.ZERO, LeakTotals.ZERO, LeakTotals.ZERO, LeakTotals.ZERO, LeakTotals.ZERO,
                List.of());
    }

    /**
     * The summary of a set of loss records, for an XML file of Valgrind before 3.26 that has no leak summary of its
     * own; suppressed is unknown there and reads 0.
     */
    public static LeakSummary ofRecords(List<LossRecord> records) {
        long[][] totals = new long[LeakKind.values().length][2];
        for (LossRecord r : records) {
            totals[r.kind().ordinal()][0] += r.directBytes();
            totals[r.kind().ordinal()][1] += r.blocks();
        }
        return new LeakSummary(totals(totals[LeakKind.DEFINITELY_LOST.ordinal()]),
                totals(totals[LeakKind.INDIRECTLY_LOST.ordinal()]), totals(totals[LeakKind.POSSIBLY_LOST.ordinal()]),
                totals(totals[LeakKind.STILL_REACHABLE.ordinal()]), LeakTotals.ZERO, List.of());
    }

    private static LeakTotals totals(long[] t) {
        return new LeakTotals(t[0], t[1], null, null);
    }

    public LeakTotals of(LeakKind kind) {
        return switch (kind) {
            case DEFINITELY_LOST -> definitelyLost;
            case INDIRECTLY_LOST -> indirectlyLost;
            case POSSIBLY_LOST -> possiblyLost;
            case STILL_REACHABLE -> stillReachable;
        };
    }
}
