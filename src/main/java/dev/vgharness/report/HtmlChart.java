package dev.vgharness.report;

import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LeakSummary;
import java.util.List;

/**
 * An inline SVG line chart of leaked bytes per kind (definitely, indirectly, possibly lost) over a case's stops and
 * its exit: the growth that leak hunters otherwise read off {@code top} by eye. Still-reachable bytes stay in the
 * table: stdio's buffers alone are 4 KiB and would flatten every leak line. The exit is Valgrind's own check after
 * the program ended, drawn apart (dashed). No chart for fewer than two points: one point shows no trend. No
 * script, no external resource.
 */
final class HtmlChart {

    /** One point on the x axis: a stop ({@code after_request#3}) or the exit, with its summary. */
    record Point(String label, LeakSummary summary, boolean exit) {

        Point(String label, LeakSummary summary) {
            this(label, summary, false);
        }
    }

    static final String[] COLORS = {"#c0392b", "#e67e22", "#8e44ad"};
    private static final LeakKind[] KINDS = {LeakKind.DEFINITELY_LOST, LeakKind.INDIRECTLY_LOST,
        LeakKind.POSSIBLY_LOST};

    private HtmlChart() {
    }

    /** The chart, or nothing for fewer than two points. */
    static String svg(List<Point> points) {
        if (points.size() < 2) {
            return "";
        }
        long max = points.stream().mapToLong(HtmlChart::maxBytes).max().orElse(1);
        boolean exit = points.get(points.size() - 1).exit();
        SvgPlot plot = new SvgPlot(points.size(), max, exit);
        List<String> labels = points.stream().map(Point::label).toList();
        StringBuilder svg = new StringBuilder(plot.open("chart", "Leaked bytes per kind at each stop"
                + (exit ? ", then Valgrind's exit check (dashed)" : "")));
        plot.axes(svg, labels);
        for (int k = 0; k < KINDS.length; k++) {
            LeakKind kind = KINDS[k];
            svg.append(plot.series(labels, points.stream().map(p -> bytesOf(p, kind)).toList(), kind.text(),
                    COLORS[k]));
            svg.append(SvgPlot.legend(k, KINDS.length, kind.text(), COLORS[k]));
        }
        return svg.append("</svg>").toString();
    }

    private static long maxBytes(Point p) {
        long max = 0;
        for (LeakKind kind : KINDS) {
            max = Math.max(max, bytesOf(p, kind));
        }
        return max;
    }

    private static long bytesOf(Point p, LeakKind kind) {
        return p.summary() == null ? 0 : p.summary().of(kind).bytes();
    }

    static String bytes(long n) {
        if (n >= 10L << 20) {
            return String.format(java.util.Locale.US, "%.0f MiB", n / 1048576.0);
        }
        return n >= 10L << 10 ? String.format(java.util.Locale.US, "%.0f KiB", n / 1024.0) : n + " B";
    }
}
