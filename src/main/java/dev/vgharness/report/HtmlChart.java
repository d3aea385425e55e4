package dev.vgharness.report;

import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LeakSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG line chart of leaked bytes per kind (definitely, indirectly, possibly lost) over a case's stops and
 * its exit: the growth that leak hunters otherwise read off {@code top} by eye. Still-reachable bytes stay in the
 * table: stdio's buffers alone are 4 KiB and would flatten every leak line. No script, no external resource.
 */
final class HtmlChart {

    /** One point on the x axis: a stop ({@code after_request#3}) or the exit, with its summary. */
    record Point(String label, LeakSummary summary) {
    }

    static final String[] COLORS = {"#c0392b", "#e67e22", "#8e44ad"};
    private static final LeakKind[] KINDS = {LeakKind.DEFINITELY_LOST, LeakKind.INDIRECTLY_LOST,
        LeakKind.POSSIBLY_LOST};
    private static final int WIDTH = 720;
    private static final int HEIGHT = 220;
    private static final int LEFT = 70;
    private static final int BOTTOM = 40;
    private static final int TOP = 15;

    private HtmlChart() {
    }

    static String svg(List<Point> points) {
        long max = Math.max(1, points.stream().mapToLong(HtmlChart::maxBytes).max().orElse(1));
        StringBuilder svg = new StringBuilder(String.format(Locale.US,
                "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
                        + "height=\"%d\" role=\"img\" aria-label=\"leaked bytes per kind over the stops\">",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        axes(svg, max, points);
        for (int k = 0; k < KINDS.length; k++) {
            line(svg, points, KINDS[k], COLORS[k], max);
        }
        legend(svg);
        return svg.append("</svg>").toString();
    }

    private static void axes(StringBuilder svg, long max, List<Point> points) {
        int bottom = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.US, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", LEFT,
                TOP, LEFT, bottom));
        svg.append(String.format(Locale.US, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", LEFT,
                bottom, WIDTH - 10, bottom));
        for (int i = 0; i <= 4; i++) {
            long value = max * i / 4;
            double y = y(value, max);
            svg.append(String.format(Locale.US, "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>",
                    LEFT - 6, y + 4, bytes(value)));
            svg.append(String.format(Locale.US, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>",
                    LEFT + 1, y, WIDTH - 10, y));
        }
        int step = Math.max(1, points.size() / 8);
        for (int i = 0; i < points.size(); i += step) {
            svg.append(String.format(Locale.US, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>",
                    x(i, points.size()), bottom + 16, Html.escape(shorten(points.get(i).label()))));
        }
    }

    private static void line(StringBuilder svg, List<Point> points, LeakKind kind, String color, long max) {
        List<String> xy = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            xy.add(String.format(Locale.US, "%.1f,%.1f", x(i, points.size()), y(bytesOf(points.get(i), kind), max)));
        }
        svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(color).append("\" points=\"")
                .append(String.join(" ", xy)).append("\"/>");
        for (int i = 0; i < points.size(); i++) {
            svg.append(String.format(Locale.US, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s %s: %d bytes"
                    + "</title></circle>", x(i, points.size()), y(bytesOf(points.get(i), kind), max), color,
                    Html.escape(points.get(i).label()), kind.text(), bytesOf(points.get(i), kind)));
        }
    }

    private static void legend(StringBuilder svg) {
        for (int k = 0; k < KINDS.length; k++) {
            int x = LEFT + 10 + k * 150;
            svg.append(String.format(Locale.US, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" class=\"tick\">%s</text>", x, HEIGHT - 14, COLORS[k], x + 16,
                    HEIGHT - 3, KINDS[k].text()));
        }
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

    private static double x(int index, int count) {
        return count <= 1 ? LEFT + 20 : LEFT + 20 + index * (double) (WIDTH - LEFT - 50) / (count - 1);
    }

    private static double y(long value, long max) {
        return HEIGHT - BOTTOM - value * (double) (HEIGHT - BOTTOM - TOP) / max;
    }

    static String bytes(long n) {
        if (n >= 10L << 20) {
            return String.format(Locale.US, "%.0f MiB", n / 1048576.0);
        }
        return n >= 10L << 10 ? String.format(Locale.US, "%.0f KiB", n / 1024.0) : n + " B";
    }

    private static String shorten(String label) {
        return label.length() <= 18 ? label : label.substring(0, 17) + "…";
    }
}
