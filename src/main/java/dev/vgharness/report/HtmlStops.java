package dev.vgharness.report;

import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.memcheck.LeakTotals;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.StopResult;
import java.util.ArrayList;
import java.util.List;

/** A case's stops for the HTML page: the chart's points and a table of bytes per kind (with deltas) per stop. */
final class HtmlStops {

    private HtmlStops() {
    }

    static List<HtmlChart.Point> points(CaseResult c) {
        List<HtmlChart.Point> points = new ArrayList<>();
        for (StopResult stop : c.stops()) {
            if (stop.leakCheck() != null) {
                points.add(new HtmlChart.Point(stop.breakpoint() + "#" + stop.hit(), stop.leakCheck().summary()));
            }
        }
        if (c.finalResults() != null && c.finalResults().summary() != null) {
            points.add(new HtmlChart.Point("exit", c.finalResults().summary()));
        }
        return points;
    }

    static String table(CaseResult c) {
        StringBuilder html = new StringBuilder("<table class=\"stops\"><thead><tr><th>stop</th><th>where</th>");
        for (LeakKind kind : LeakKind.values()) {
            html.append("<th>").append(kind.text()).append("</th>");
        }
        html.append("<th>errors</th><th>RSS</th><th>expectations</th></tr></thead><tbody>\n");
        for (StopResult stop : c.stops()) {
            html.append("<tr><td>").append(Html.escape(stop.breakpoint() + "#" + stop.hit())).append("</td><td>")
                    .append(Html.escape(TextSummary.where(stop.frame()))).append("</td>");
            kinds(html, stop.leakCheck() == null ? null : stop.leakCheck().summary());
            html.append("<td>").append(stop.errors() == null ? "" : stop.errors()).append("</td><td>")
                    .append(stop.rssKb() == null ? "" : stop.rssKb() + " KiB").append("</td><td>")
                    .append(stop.passed() ? "ok" : "<b class=\"bad\">failed</b>").append("</td></tr>\n");
        }
        if (c.finalResults() != null) {
            html.append("<tr class=\"exit\"><td>exit</td><td>").append(Html.escape(TextSummary.exit(c)))
                    .append("</td>");
            kinds(html, c.finalResults().summary());
            boolean ok = c.assertions().stream().allMatch(dev.vgharness.result.Assertion::passed);
            html.append("<td>").append(c.finalResults().errorCount()).append("</td><td></td><td>")
                    .append(ok ? "ok" : "<b class=\"bad\">failed</b>").append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    private static void kinds(StringBuilder html, LeakSummary summary) {
        for (LeakKind kind : LeakKind.values()) {
            html.append("<td class=\"num\">");
            if (summary != null) {
                LeakTotals t = summary.of(kind);
                html.append(t.bytes()).append(" B / ").append(t.blocks());
                if (t.bytesDelta() != null && t.bytesDelta() != 0) {
                    html.append(" <span class=\"delta\">(").append(TextSummary.signed(t.bytesDelta())).append(" B)</span>");
                }
            }
            html.append("</td>");
        }
    }
}
