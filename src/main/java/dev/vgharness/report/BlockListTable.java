package dev.vgharness.report;

import dev.vgharness.memcheck.Block;
import dev.vgharness.memcheck.BlockContents;
import dev.vgharness.memcheck.BlockList;
import dev.vgharness.memcheck.IndirectBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The blocks of {@code block_list} answers as a table a person reads: per block its address, size, the loss record
 * it belongs to and its kind, and the first frame in the program's own code; indirect blocks indented under it.
 * When the blocks' contents were read, a last column previews their text.
 * <pre>
 *    #  kind                 address     size  where                     contents
 *    6  definitely_lost    0x4A401C0       24  make_indirect (leaks.c:30) ....host-a.example
 *    3    indirect         0x4A40220       40                            ........
 * </pre>
 */
public final class BlockListTable {

    /** Characters of a block's text the table shows. */
    static final int PREVIEW = 24;

    private BlockListTable() {
    }

    public static String render(List<BlockList> lists) {
        boolean contents = lists.stream().flatMap(l -> l.blocks().stream()).anyMatch(b -> b.contents() != null);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%5s  %-16s %12s %8s  %s%n", "#", "kind",
                "address", "size", contents ? String.format(Locale.ROOT, "%-30s %s", "where", "contents") : "where"));
        for (BlockList list : lists) {
            String where = LossRecordTable.firstOwnFrame(list.header().stack());
            for (Block block : list.blocks()) {
                String place = where + (block.heuristic() == null ? "" : "  (via heuristic " + block.heuristic() + ")");
                sb.append(row(list.lossRecord(), list.header().kind().key(), block.address(), block.size(), place,
                        block.contents()));
                for (IndirectBlock indirect : block.indirect()) {
                    sb.append(row(indirect.lossRecord(), "  ".repeat(indirect.depth()) + "indirect",
                            indirect.address(), indirect.size(), "", indirect.contents()));
                }
            }
        }
        return sb.toString();
    }

    /**
     * One line per block whose contents were read, at most {@code max} (then how many more), for the text summary:
     * {@code block 0x4A40040 (40 B, loss record 3): GET /index.html HTTP/1.…}.
     */
    static List<String> previews(List<BlockList> lists, int max) {
        List<String> lines = new ArrayList<>();
        int read = 0;
        for (BlockList list : lists) {
            for (Block block : list.blocks()) {
                read += preview(lines, max, block.address(), block.size(), list.lossRecord(), block.contents());
                for (IndirectBlock i : block.indirect()) {
                    read += preview(lines, max, i.address(), i.size(), i.lossRecord(), i.contents());
                }
            }
        }
        if (read > max) {
            lines.add("... and " + (read - max) + " more blocks (the report has them all)");
        }
        return lines;
    }

    private static int preview(List<String> lines, int max, long address, long size, int record, BlockContents c) {
        if (c == null) {
            return 0;
        }
        if (lines.size() < max) {
            lines.add("block " + ReportJson.address(address) + " (" + size + " B, loss record " + record + "): "
                    + c.preview(PREVIEW));
        }
        return 1;
    }

    private static String row(int record, String kind, long address, long size, String where, BlockContents c) {
        String tail = c == null ? where : String.format(Locale.ROOT, "%-30s %s", where, c.preview(PREVIEW));
        return String.format(Locale.ROOT, "%5d  %-16s %12s %8d  %s", record, kind, ReportJson.address(address), size,
                tail).stripTrailing() + System.lineSeparator();
    }
}
