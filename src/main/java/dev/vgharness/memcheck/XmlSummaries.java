package dev.vgharness.memcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the protocol-6 summaries (valgrind 3.26+), whose numbers carry thousands separators:
 * {@code <leak_summary><definitely_lost><bytes>25,483</bytes><blocks>1,499</blocks>} (with optional
 * {@code <reachable_heuristic>} children of {@code <still_reachable>}), {@code <heap_summary>} and
 * {@code <error_summary>}. Every count is required: valgrind writes them all, so a missing one is a damaged file.
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
                    heuristics.add(new HeuristicTotals(child.childText("kind"), child.childNumber("bytes"),
                            blocks(child), null, null));
                }
            }
        }
        return new LeakSummary(totals(node, "definitely_lost"), totals(node, "indirectly_lost"),
                totals(node, "possibly_lost"), totals(node, "still_reachable"), totals(node, "suppressed"), heuristics);
    }

    static HeapSummary heapSummary(XmlNode node) {
        XmlNode inUse = required(node, "memory_in_use_at_exit");
        XmlNode usage = required(node, "total_heap_usage");
        return new HeapSummary(inUse.childNumber("bytes"), blocks(inUse), usage.childNumber("allocs"),
                usage.childNumber("frees"), usage.childNumber("bytes_allocated"));
    }

    static ErrorSummary errorSummary(XmlNode node) {
        return new ErrorSummary(node.childNumber("errors"), node.childNumber("error_contexts"),
                node.childNumber("suppressed"), node.childNumber("suppressed_contexts"));
    }

    private static LeakTotals totals(XmlNode summary, String kind) {
        XmlNode node = required(summary, kind);
        return new LeakTotals(node.childNumber("bytes"), blocks(node), null, null);
    }

    private static XmlNode required(XmlNode parent, String childName) {
        XmlNode child = parent.child(childName);
        if (child == null) {
            throw new XmlNode.Unreadable(parent.line(), parent.column(),
                    "<" + parent.name() + "> has no <" + childName + ">");
        }
        return child;
    }

    /** Valgrind writes {@code <blocks>}; the protocol text says {@code <in_blocks>} for the leak summary. */
    private static long blocks(XmlNode node) {
        return node.child("in_blocks") != null ? node.childNumber("in_blocks") : node.childNumber("blocks");
    }
}
