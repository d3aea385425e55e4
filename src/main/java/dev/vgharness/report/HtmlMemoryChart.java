package dev.vgharness.report;

import dev.vgharness.result.CaseResult;
import dev.vgharness.result.MemorySnapshot;
import dev.vgharness.result.Sample;
import dev.vgharness.result.StopResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Inline SVG line charts of the process view next to the leak chart: heap in use, mmapped bytes, RSS, heap RSS and
 * mmap RSS in bytes over a case's stops ({@code done#2}) and over its samples ({@code 2.0s}). In memcheck mode only
 * the RSS lines are drawn (Valgrind's own memory included: a trend only).
 * <pre>
 * &lt;svg class="chart memory" ...&gt;&lt;polyline stroke="#2980b9" points="90.0,180.0 ..."/&gt;...
 * </pre>
 */
final class HtmlMemoryChart {

    /** One line: its name, colour and how to read its bytes from a reading (null where it has none). */
    record Series<T>(String name, String color, Function<T, Long> bytes) {
    }

    private static final List<Series<MemorySnapshot>> SERIES = List.of(
            new Series<>("heap in use", "#2980b9", m -> m.mallinfo() == null ? null : m.mallinfo().uordblks()),
            new Series<>("mmap in use", "#16a085", m -> m.mallinfo() == null ? null : m.mallinfo().hblkhd()),
            new Series<>("RSS", "#7f8c8d", m -> m.proc().rssKb() * 1024),
            new Series<>("heap RSS", "#d35400", m -> m.proc().heapRssKb() * 1024),
            new Series<>("mmap RSS", "#27ae60", m -> m.proc().mmapRssKb() * 1024));
    private static final int WIDTH = 720;
    private static final int HEIGHT = 220;
    private static final int LEFT = 70;
    private static final int BOTTOM = 40;
    private static final int TOP = 15;

    private HtmlMemoryChart() {
    }

    /** The charts of a case: one over its stops, one over its samples, each only when there is something to draw. */
    static String forCase(CaseResult c) {
        StringBuilder html = new StringBuilder();
        List<String> labels = new ArrayList<>();
        List<MemorySnapshot> readings = new ArrayList<>();
        for (StopResult s : c.stops()) {
            if (s.memory() != null) {
                labels.add(s.label());
                readings.add(s.memory());
            }
        }
        chart(labels, readings, "process memory over the stops").ifPresent(html::append);
        labels.clear();
        readings.clear();
        for (Sample s : c.samples() == null ? List.<Sample>of() : c.samples().samples()) {
            if (s.memory() != null) {
                labels.add(String.format(Locale.US, "%.1fs", s.atMs() / 1000.0));
                readings.add(s.memory());
            }
        }
        chart(labels, readings, "process memory over the samples").ifPresent(html::append);
        return html.toString();
    }

    static Optional<String> chart(List<String> labels, List<MemorySnapshot> readings, String title) {
        return chart(labels, readings, SERIES, title);
    }

    /** A chart of the given series over the readings (one label each); empty when no series has a value. */
    static <T> Optional<String> chart(List<String> labels, List<T> readings, List<Series<T>> series, String title) {
        List<Series<T>> drawn = series.stream().filter(s -> readings.stream().anyMatch(m -> s.bytes().apply(m) != null))
                .toList();
        if (readings.isEmpty() || drawn.isEmpty()) {
            return Optional.empty();
        }
        long max = 1;
        for (T m : readings) {
            for (Series<T> s : drawn) {
                Long v = s.bytes().apply(m);
                max = Math.max(max, v == null ? 0 : v);
            }
        }
        StringBuilder svg = new StringBuilder(String.format(Locale.US,
                "<svg class=\"chart memory\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\""
                        + " height=\"%d\" role=\"img\" aria-label=\"%s\">", WIDTH, HEIGHT, WIDTH, HEIGHT,
                Html.escape(title)));
        axes(svg, max, labels);
        for (int k = 0; k < drawn.size(); k++) {
            line(svg, labels, readings, drawn.get(k), max);
            int x = LEFT + 10 + k * Math.min(120, (WIDTH - LEFT - 10) / drawn.size());
            svg.append(String.format(Locale.US, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" class=\"tick\">%s</text>", x, HEIGHT - 14, drawn.get(k).color(), x + 16,
                    HEIGHT - 3, Html.escape(drawn.get(k).name())));
        }
        return Optional.of(svg.append("</svg>\n").toString());
    }

    private static void axes(StringBuilder svg, long max, List<String> labels) {
        int bottom = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.US, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", LEFT, TOP, LEFT, bottom, LEFT,
                bottom, WIDTH - 10, bottom));
        for (int i = 0; i <= 4; i++) {
            long value = max * i / 4;
            svg.append(String.format(Locale.US, "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>",
                    LEFT - 6, y(value, max) + 4, HtmlChart.bytes(value)));
        }
        int step = Math.max(1, labels.size() / 8);
        for (int i = 0; i < labels.size(); i += step) {
            svg.append(String.format(Locale.US, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>",
                    x(i, labels.size()), bottom + 16, Html.escape(labels.get(i))));
        }
    }

    private static <T> void line(StringBuilder svg, List<String> labels, List<T> readings, Series<T> series,
            long max) {
        List<String> xy = new ArrayList<>();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < readings.size(); i++) {
            Long v = series.bytes().apply(readings.get(i));
            if (v == null) {
                continue;
            }
            xy.add(String.format(Locale.US, "%.1f,%.1f", x(i, readings.size()), y(v, max)));
            dots.append(String.format(Locale.US, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s %s: %d"
                    + " bytes</title></circle>", x(i, readings.size()), y(v, max), series.color(),
                    Html.escape(labels.get(i)), Html.escape(series.name()), v));
        }
        svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(series.color())
                .append("\" points=\"").append(String.join(" ", xy)).append("\"/>").append(dots);
    }

    private static double x(int index, int count) {
        return count <= 1 ? LEFT + 20 : LEFT + 20 + index * (double) (WIDTH - LEFT - 50) / (count - 1);
    }

    private static double y(long value, long max) {
        return HEIGHT - BOTTOM - value * (double) (HEIGHT - BOTTOM - TOP) / max;
    }
}
