package dev.vgharness.report;

import dev.vgharness.memcheck.LeakIdentity;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.StackFrame;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.LostAt;
import java.util.List;

/**
 * Loss records as an HTML table that sorts by any column (the page's small script reads {@code data-v}), each row
 * with its leak identity (the SARIF hash; its text on hover; rows of one identity sort together) and its stack
 * folded away: frame by frame, own frames marked, and the source line read from disk.
 */
final class HtmlLossTable {

    private final SourceRoots roots;
    private final SourceLines sources;

    HtmlLossTable(SourceRoots roots) {
        this.roots = roots;
        this.sources = new SourceLines(roots);
    }

    String table(List<LossRecordResult> records) {
        if (records.isEmpty()) {
            return "<p class=\"muted\">no loss records</p>\n";
        }
        StringBuilder html = new StringBuilder("<table class=\"sortable\"><thead><tr>");
        header(html, "#", "num");
        header(html, "kind", "text");
        header(html, "bytes", "num");
        header(html, "blocks", "num");
        header(html, "Δ bytes", "num");
        header(html, "identity", "text");
        header(html, "allocated in", "text");
        boolean followed = records.stream().anyMatch(r -> LostAtText.line(r) != null);
        if (followed) {
            header(html, "lost at", "text");
        }
        html.append("</tr></thead><tbody>\n");
        for (LossRecordResult r : records) {
            row(html, r, followed);
        }
        return html.append("</tbody></table>\n").toString();
    }

    private static void header(StringBuilder html, String title, String type) {
        html.append("<th data-type=\"").append(type).append("\" title=\"sort\">").append(Html.escape(title))
                .append("</th>");
    }

    private void row(StringBuilder html, LossRecordResult result, boolean followed) {
        LossRecord r = result.record();
        html.append("<tr class=\"").append(r.kind().key()).append(result.baseline() ? " baseline" : "").append("\">");
        cell(html, r.number(), Integer.toString(r.number()));
        cell(html, r.kind().key(), r.kind().text() + (result.baseline() ? " (baseline)" : ""));
        cell(html, r.bytes(), Long.toString(r.bytes()));
        cell(html, r.blocks(), Long.toString(r.blocks()));
        cell(html, r.bytesDelta() == null ? 0 : r.bytesDelta(), TextSummary.signed(r.bytesDelta()));
        LeakIdentity identity = result.identity();
        html.append("<td data-v=\"").append(identity.hash()).append("\" title=\"").append(Html.escape(identity.text()))
                .append("\"><code>").append(identity.hash()).append("</code></td>");
        String where = roots.bestFrame(r.stack()).map(FailureEvidence::frame).orElse("?");
        html.append("<td data-v=\"").append(Html.escape(where)).append("\"><details><summary>")
                .append(Html.escape(where)).append("</summary>").append(stack(r.stack())).append("</details></td>");
        if (followed) {
            lostAt(html, result);
        }
        html.append("</tr>\n");
    }

    /** Where {@code find_lost} found the record lost: the allocating line and the losing line with their source. */
    private void lostAt(StringBuilder html, LossRecordResult result) {
        String text = LostAtText.line(result);
        if (result.lostAt() == null) {
            cell(html, text == null ? "" : text, text == null ? "" : text);
            return;
        }
        LostAt lost = result.lostAt();
        StackFrame losing = new StackFrame(0, lost.function(), lost.file(), lost.line(), null);
        StringBuilder both = new StringBuilder("<ol class=\"stack\">");
        roots.bestFrame(result.record().stack()).ifPresent(f -> both.append(line("allocated: ", f)));
        both.append(line("lost: ", losing)).append("</ol>");
        html.append("<td data-v=\"").append(Html.escape(lost.place())).append("\"><details><summary>")
                .append(Html.escape(text)).append("</summary>").append(both).append(stack(lost.backtrace()))
                .append("</details></td>");
    }

    private String line(String label, StackFrame f) {
        StringBuilder html = new StringBuilder("<li class=\"own\"><code>").append(Html.escape(label))
                .append(Html.escape(FailureEvidence.frame(f))).append("</code>");
        sources.line(f.file(), f.line()).ifPresent(src -> html.append("<pre class=\"src\">")
                .append(f.line()).append(": ").append(Html.escape(src)).append("</pre>"));
        return html.append("</li>").toString();
    }

    private static void cell(StringBuilder html, Object sortValue, String text) {
        html.append("<td data-v=\"").append(Html.escape(sortValue)).append("\">").append(Html.escape(text))
                .append("</td>");
    }

    /** The frames, own ones bold, each with its source line when the file is found. */
    String stack(List<StackFrame> stack) {
        StringBuilder html = new StringBuilder("<ol class=\"stack\">");
        for (StackFrame f : stack) {
            html.append(roots.isOwn(f) ? "<li class=\"own\">" : "<li>").append("<code>")
                    .append(Html.escape(FailureEvidence.frame(f))).append("</code>");
            sources.line(f.file(), f.line()).ifPresent(line -> html.append("<pre class=\"src\">")
                    .append(f.line()).append(": ").append(Html.escape(line)).append("</pre>"));
            html.append("</li>");
        }
        return html.append("</ol>").toString();
    }
}
