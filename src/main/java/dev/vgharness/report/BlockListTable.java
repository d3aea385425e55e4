package dev.vgharness.report;

import dev.vgharness.memcheck.Block;
import dev.vgharness.memcheck.BlockList;
import dev.vgharness.memcheck.IndirectBlock;
import java.util.List;
import java.util.Locale;

/**
 * The blocks of {@code block_list} answers as a table a person reads: per block its address, size, the loss record
 * it belongs to and its kind, and the first frame in the program's own code; indirect blocks indented under it.
 * <pre>
 *    #  kind                 address     size  where
 *    6  definitely_lost    0x4A401C0       24  make_indirect (leaks.c:30)
 *    3    indirect         0x4A40220       40
 * </pre>
 */
public final class BlockListTable {

    private BlockListTable() {
    }

    public static String render(List<BlockList> lists) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%5s  %-16s %12s %8s  %s%n", "#", "kind",
                "address", "size", "where"));
        for (BlockList list : lists) {
            String where = LossRecordTable.firstOwnFrame(list.header().stack());
            for (Block block : list.blocks()) {
                sb.append(String.format(Locale.ROOT, "%5d  %-16s %12s %8d  %s%s%n", list.lossRecord(),
                        list.header().kind().key(), ReportJson.address(block.address()), block.size(), where,
                        block.heuristic() == null ? "" : "  (via heuristic " + block.heuristic() + ")"));
                for (IndirectBlock indirect : block.indirect()) {
                    sb.append(String.format(Locale.ROOT, "%5d  %-16s %12s %8d%n", indirect.lossRecord(),
                            "  ".repeat(indirect.depth()) + "indirect", ReportJson.address(indirect.address()),
                            indirect.size()));
                }
            }
        }
        return sb.toString();
    }
}
