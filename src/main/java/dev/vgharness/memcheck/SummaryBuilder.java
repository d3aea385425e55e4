package dev.vgharness.memcheck;

import java.util.ArrayList;
import java.util.List;

/** Collects the lines after {@code LEAK SUMMARY:} into a {@link LeakSummary}; kinds not printed count as zero. */
final class SummaryBuilder {

    private final LeakTotals[] kinds = new LeakTotals[LeakKind.values().length];
    private final List<HeuristicTotals> heuristics = new ArrayList<>();
    private LeakTotals suppressed = LeakTotals.ZERO;
    private boolean inHeuristics;

    /** Takes one line; false when it is not part of the summary. */
    boolean accept(String body) {
        if (body.trim().equals("of which reachable via heuristic:")) {
            inHeuristics = true;
            return true;
        }
        LeakLines.LabelledTotals line = LeakLines.summaryLine(body);
        if (line == null) {
            return false;
        }
        if (line.label().equals("suppressed")) {
            suppressed = line.totals();
            inHeuristics = false;
            return true;
        }
        LeakKind kind = LeakKind.fromText(line.label()).orElse(null);
        if (kind != null) {
            kinds[kind.ordinal()] = line.totals();
            inHeuristics = false;
            return true;
        }
        if (!inHeuristics) {
            return false;
        }
        LeakTotals t = line.totals();
        heuristics.add(new HeuristicTotals(line.label(), t.bytes(), t.blocks(), t.bytesDelta(), t.blocksDelta()));
        return true;
    }

    LeakSummary build() {
        return new LeakSummary(totals(LeakKind.DEFINITELY_LOST), totals(LeakKind.INDIRECTLY_LOST),
                totals(LeakKind.POSSIBLY_LOST), totals(LeakKind.STILL_REACHABLE), suppressed, heuristics);
    }

    private LeakTotals totals(LeakKind kind) {
        LeakTotals totals = kinds[kind.ordinal()];
        return totals == null ? LeakTotals.ZERO : totals;
    }
}
