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

    public LeakTotals of(LeakKind kind) {
        return switch (kind) {
            case DEFINITELY_LOST -> definitelyLost;
            case INDIRECTLY_LOST -> indirectlyLost;
            case POSSIBLY_LOST -> possiblyLost;
            case STILL_REACHABLE -> stillReachable;
        };
    }
}
