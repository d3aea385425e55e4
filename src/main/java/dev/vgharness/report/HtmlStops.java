package dev.vgharness.report;

import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.memcheck.LeakTotals;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.FrameLocals;
import dev.vgharness.result.StopReason;
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
                points.add(new HtmlChart.Point(stop.label(), stop.leakCheck().summary()));
            }
        }
        if (c.finalResults() != null && c.finalResults().summary() != null) {
            points.add(new HtmlChart.Point("exit", c.finalResults().summary(), true));
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
            html.append("<tr><td>").append(Html.escape(stop.label())).append("</td><td>")
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

    /** Each stop at a Memcheck error: the error, and a table of every own frame's arguments and locals. */
    static String errorStops(CaseResult c) {
        StringBuilder html = new StringBuilder();
        for (StopResult stop : c.stops()) {
            if (stop.reason() != StopReason.ERROR) {
                continue;
            }
            html.append("<details class=\"stop\" open><summary>").append(Html.escape(stop.label() + " "
                    + ErrorStopText.line(stop))).append("</summary>");
            if (stop.error() != null) {
                html.append("<p><b>").append(Html.escape(stop.error().kind())).append("</b> ")
                        .append(Html.escape(stop.error().what())).append("</p>");
            }
            for (FrameLocals frame : stop.locals()) {
                html.append("<table class=\"locals\"><caption>#").append(frame.frame()).append(' ')
                        .append(Html.escape(frame.function())).append(frame.file() == null ? ""
                                : " (" + Html.escape(frame.file()) + (frame.line() == null ? "" : ":" + frame.line())
                                        + ")")
                        .append("</caption><tr><th>name</th><th>type</th><th>value</th></tr>");
                for (FrameLocals.Variable v : frame.variables()) {
                    html.append("<tr><td>").append(Html.escape(v.name())).append("</td><td>")
                            .append(Html.escape(v.type())).append("</td><td>")
                            .append(v.value() == null ? "" : Html.escape(v.value())).append("</td></tr>");
                }
                html.append("</table>");
            }
            html.append("</details>\n");
        }
        return html.toString();
    }
}
