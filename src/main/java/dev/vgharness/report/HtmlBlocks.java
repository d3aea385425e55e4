package dev.vgharness.report;

import dev.vgharness.memcheck.Block;
import dev.vgharness.memcheck.BlockContents;
import dev.vgharness.memcheck.BlockList;
import dev.vgharness.memcheck.IndirectBlock;
import dev.vgharness.memcheck.LeakKind;
import java.util.List;

/**
 * The blocks a stop's {@code block_list} actions listed, for the HTML page: record, kind, address and size, and when
 * their contents were read ({@code contents: N}) the bytes in hex and as text; indirect blocks indented under theirs.
 */
final class HtmlBlocks {

    private HtmlBlocks() {
    }

    static String table(List<BlockList> lists) {
        boolean contents = lists.stream().flatMap(l -> l.blocks().stream()).anyMatch(b -> b.contents() != null);
        StringBuilder html = new StringBuilder("<table class=\"blocks\"><thead><tr><th>#</th><th>kind</th>"
                + "<th>address</th><th>size</th>" + (contents ? "<th>hex</th><th>text</th>" : "")
                + "</tr></thead><tbody>\n");
        for (BlockList list : lists) {
            LeakKind kind = list.header().kind();
            for (Block block : list.blocks()) {
                row(html, kind, list.lossRecord(), "", block.address(), block.size(), block.contents(), contents);
                for (IndirectBlock i : block.indirect()) {
                    row(html, LeakKind.INDIRECTLY_LOST, i.lossRecord(), "\u2003".repeat(i.depth()), i.address(), i.size(),
                            i.contents(), contents);
                }
            }
        }
        return html.append("</tbody></table>\n").toString();
    }

    private static void row(StringBuilder html, LeakKind kind, int record, String indent, long address, long size,
            BlockContents c, boolean contents) {
        html.append("<tr class=\"").append(kind.key()).append("\"><td>").append(record).append("</td><td>")
                .append(indent).append(kind.text()).append("</td><td><code>").append(ReportJson.address(address))
                .append("</code></td><td class=\"num\">").append(size).append(" B</td>");
        if (contents) {
            html.append("<td><code class=\"hex\">").append(c == null ? "" : Html.escape(c.hex()))
                    .append("</code></td><td><code class=\"text\">").append(c == null ? "" : Html.escape(c.text()))
                    .append("</code></td>");
        }
        html.append("</tr>\n");
    }
}
