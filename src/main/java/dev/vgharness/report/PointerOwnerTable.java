package dev.vgharness.report;

import dev.vgharness.memcheck.HeuristicReach;
import dev.vgharness.memcheck.PointerOwner;
import dev.vgharness.memcheck.PointerSearch;
import java.util.List;
import java.util.Locale;

/**
 * The answer of {@code who_points_at} as a table a person reads: per pointer where it is stored, what kind of
 * memory that is, where it points, and the owner (the symbol, the register's thread, or the holding block's
 * allocation).
 * <pre>
 * pointers into 0x4A400F0 (8 bytes): 1
 *   location   kind       points at       owner
 *   0x10C040   global     0x4A400F0+8     data symbol "g_interior"
 * </pre>
 */
public final class PointerOwnerTable {

    private PointerOwnerTable() {
    }

    public static String render(PointerSearch search) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "pointers into %s (%d bytes): %d%n",
                ReportJson.address(search.address()), search.length(), search.pointers().size()));
        if (!search.pointers().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  %-14s %-9s %-16s %s%n", "location", "kind", "points at", "owner"));
        }
        for (PointerOwner p : search.pointers()) {
            String at = ReportJson.address(p.pointsAt()) + (p.offset() == 0 ? "" : "+" + p.offset());
            sb.append(String.format(Locale.ROOT, "  %-14s %-9s %-16s %s%n", location(p),
                    p.kind().name().toLowerCase(Locale.ROOT), at, owner(p)));
        }
        for (HeuristicReach h : search.heuristics()) {
            sb.append("  reachable via heuristic ").append(h.heuristic()).append(": block ")
                    .append(ReportJson.address(h.block())).append(" by pointer ").append(ReportJson.address(h.pointer()))
                    .append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static String location(PointerOwner p) {
        if (p.address() != null) {
            return ReportJson.address(p.address());
        }
        return p.register() == null ? "?" : p.register();
    }

    private static String owner(PointerOwner p) {
        if (!p.stack().isEmpty()) {
            return "block alloc'd at " + LossRecordTable.firstOwnFrame(p.stack());
        }
        if (p.thread() != null && p.description() == null) {
            return "thread " + p.thread();
        }
        return p.description() == null ? "" : p.description().lines().findFirst().orElse("").strip();
    }
}
