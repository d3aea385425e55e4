package dev.vgharness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The frame the HTML page's line charts share: a title, a y axis in bytes with its unit, x labels that neither
 * overlap nor run off the edge, and, when the last point is Valgrind's exit-time check, that point set apart behind
 * a dashed rule and reached by a dashed segment: the exit check is not one more stop (the program has ended, its
 * memory is freed or not by then).
 */
final class SvgPlot {

    static final int WIDTH = 720;
    static final int HEIGHT = 250;
    private static final int LEFT = 70;
    private static final int RIGHT = 16;
    private static final int TOP = 42;
    private static final int BOTTOM = 44;
    /** Width of a label character at the tick font (11px), a little generous. */
    private static final double CHAR = 6.6;
    /** How far the exit sits past the last stop, in steps between stops. */
    private static final double EXIT_GAP = 0.6;
    private static final String DASH = "5 4";

    private final int count;
    private final long max;
    private final boolean exitApart;

    /** @param exitApart whether the last of the {@code count} points is the exit, drawn apart */
    SvgPlot(int count, long max, boolean exitApart) {
        this.count = count;
        this.max = Math.max(1, max);
        this.exitApart = exitApart && count > 1;
    }

    /** The opening tag, the title and the y axis's unit. */
    String open(String cssClass, String title) {
        return String.format(Locale.US, "<svg class=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
                + " width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\"><text x=\"%d\" y=\"16\" class=\"title\">%s"
                + "</text><text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"end\">bytes</text>", cssClass, WIDTH,
                HEIGHT, WIDTH, HEIGHT, Html.escape(title), LEFT - 60, Html.escape(title), LEFT - 6, TOP - 10);
    }

    /** The axes, the y ticks with their grid, the x labels; the exit's rule when it is apart. */
    void axes(StringBuilder svg, List<String> labels) {
        int bottom = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.US, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", LEFT, TOP, LEFT, bottom, LEFT,
                bottom, WIDTH - RIGHT, bottom));
        for (int i = 0; i <= 4; i++) {
            long value = max * i / 4;
            svg.append(String.format(Locale.US, "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>"
                    + "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>", LEFT - 6, y(value) + 4,
                    HtmlChart.bytes(value), LEFT + 1, y(value), WIDTH - RIGHT, y(value)));
        }
        if (exitApart) {
            double rule = (x(count - 2) + x(count - 1)) / 2;
            svg.append(String.format(Locale.US, "<line class=\"exit-rule\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\""
                    + " stroke=\"#bbb\" stroke-dasharray=\"%s\"/>", rule, TOP, rule, bottom, DASH));
        }
        for (int i : shownLabels(labels)) {
            svg.append(label(labels.get(i), x(i), bottom + 16));
        }
    }

    /**
     * Which labels fit side by side: every {@code step}-th stop, the step wide enough for the longest label, and
     * always the last point (the exit, or the latest stop).
     */
    private List<Integer> shownLabels(List<String> labels) {
        int longest = labels.stream().mapToInt(l -> shorten(l).length()).max().orElse(1);
        double spacing = count <= 1 ? WIDTH : x(1) - x(0);
        int step = Math.max(1, (int) Math.ceil((longest * CHAR + 10) / spacing));
        List<Integer> shown = new ArrayList<>();
        int last = labels.size() - 1;
        for (int i = 0; i <= last; i += step) {
            if (i == last || x(last) - x(i) >= longest * CHAR + 10) {
                shown.add(i);
            }
        }
        if (!shown.contains(last) && last >= 0) {
            shown.add(last);
        }
        return shown;
    }

    /** A label centred under its point, or held inside the chart when centring would cut it. */
    private static String label(String text, double x, int y) {
        String shown = shorten(text);
        double half = shown.length() * CHAR / 2;
        String anchor = x + half > WIDTH - 2 ? "end" : x - half < 2 ? "start" : "middle";
        double at = anchor.equals("end") ? WIDTH - 2 : anchor.equals("start") ? 2 : x;
        return String.format(Locale.US, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"%s\">%s</text>", at, y,
                anchor, Html.escape(shown));
    }

    /**
     * One series: a solid line over the stops, a dashed one to the exit, a dot per point (hollow at the exit) with
     * its value as a tooltip; a null value is no point.
     */
    String series(List<String> labels, List<Long> values, String name, String color) {
        StringBuilder svg = new StringBuilder();
        int stops = exitApart ? count - 1 : count;
        svg.append(polyline(values, 0, stops, color, false));
        if (exitApart) {
            svg.append(polyline(values, stops - 1, count, color, true));
        }
        for (int i = 0; i < count; i++) {
            Long v = values.get(i);
            if (v != null) {
                boolean exit = exitApart && i == count - 1;
                svg.append(String.format(Locale.US, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\" stroke=\"%s\">"
                        + "<title>%s %s: %d bytes</title></circle>", x(i), y(v), exit ? "#fff" : color, color,
                        Html.escape(labels.get(i)), Html.escape(name), v));
            }
        }
        return svg.toString();
    }

    private String polyline(List<Long> values, int from, int to, String color, boolean dashed) {
        List<String> xy = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (values.get(i) != null) {
                xy.add(String.format(Locale.US, "%.1f,%.1f", x(i), y(values.get(i))));
            }
        }
        return "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" + color + "\"" + (dashed ? " stroke-dasharray=\""
                + DASH + "\"" : "") + " points=\"" + String.join(" ", xy) + "\"/>";
    }

    /** A legend entry of the {@code index}-th series of {@code of}, spread over the width. */
    static String legend(int index, int of, String name, String color) {
        int x = LEFT + 10 + index * Math.min(150, (WIDTH - LEFT - 10) / Math.max(1, of));
        return String.format(Locale.US, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\" class=\"tick\">%s</text>", x, HEIGHT - 14, color, x + 16, HEIGHT - 3,
                Html.escape(name));
    }

    double x(int index) {
        if (count <= 1) {
            return LEFT + 20;
        }
        double last = (count - 1) + (exitApart ? EXIT_GAP : 0);
        double position = index + (exitApart && index == count - 1 ? EXIT_GAP : 0);
        return LEFT + 20 + position * (WIDTH - LEFT - RIGHT - 40) / last;
    }

    double y(long value) {
        return HEIGHT - BOTTOM - value * (double) (HEIGHT - BOTTOM - TOP) / max;
    }

    /** The end of a long label, which tells stops apart ({@code …src/leaky.c:50#3}), not its common start. */
    private static String shorten(String label) {
        return label.length() <= 18 ? label : "…" + label.substring(label.length() - 17);
    }
}
