package dev.vgharness.memcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the protocol-6 summaries: {@code <leak_summary><definitely_lost><bytes>48</bytes><in_blocks>3</in_blocks>}
 * (with optional {@code <reachable_heuristic>} children of {@code <still_reachable>}) and {@code <heap_summary>}.
 */
final class XmlSummaries {

    private XmlSummaries() {
    }

    static LeakSummary leakSummary(XmlNode node) {
        List<HeuristicTotals> heuristics = new ArrayList<>();
        XmlNode reachable = node.child("still_reachable");
        if (reachable != null) {
            for (XmlNode child : reachable.children()) {
                if (child.name().equals("reachable_heuristic")) {
                    heuristics.add(new HeuristicTotals(child.childText("kind"), child.childLong("bytes", 0),
                            blocks(child), null, null));
                }
            }
        }
        return new LeakSummary(totals(node, "definitely_lost"), totals(node, "indirectly_lost"),
                totals(node, "possibly_lost"), totals(node, "still_reachable"), totals(node, "suppressed"), heuristics);
    }

    static HeapSummary heapSummary(XmlNode node) {
        XmlNode inUse = node.child("memory_in_use_at_exit");
        XmlNode usage = node.child("total_heap_usage");
        return new HeapSummary(inUse == null ? 0 : inUse.childLong("bytes", 0), inUse == null ? 0 : blocks(inUse),
                usage == null ? 0 : usage.childLong("allocs", 0), usage == null ? 0 : usage.childLong("frees", 0),
                usage == null ? 0 : usage.childLong("bytes_allocated", 0));
    }

    private static LeakTotals totals(XmlNode summary, String kind) {
        XmlNode node = summary.child(kind);
        return node == null ? LeakTotals.ZERO : new LeakTotals(node.childLong("bytes", 0), blocks(node), null, null);
    }

    /** The protocol text says {@code <in_blocks>} for the leak summary and {@code <blocks>} elsewhere. */
    private static long blocks(XmlNode node) {
        return node.childLong("in_blocks", node.childLong("blocks", 0));
    }
}
