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
 * the RSS lines are drawn, of the valgrind process (Valgrind's own memory included: a trend only).
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
    private HtmlMemoryChart() {
    }

    /**
     * The charts of a case: one over its stops, one over its samples, each only when it has two readings or more.
     * Under Memcheck the readings are of the valgrind process (Valgrind itself, its shadow memory and the program),
     * and the titles say so.
     */
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
        String whose = readings.stream().allMatch(m -> m.mallinfo() == null)
                ? "Memory of the valgrind process (Valgrind + the program)" : "Process memory";
        chart(labels, readings, whose + " at each stop").ifPresent(html::append);
        labels.clear();
        readings.clear();
        for (Sample s : c.samples() == null ? List.<Sample>of() : c.samples().samples()) {
            if (s.memory() != null) {
                labels.add(String.format(Locale.US, "%.1fs", s.atMs() / 1000.0));
                readings.add(s.memory());
            }
        }
        whose = readings.stream().allMatch(m -> m.mallinfo() == null)
                ? "Memory of the valgrind process (Valgrind + the program)" : "Process memory";
        chart(labels, readings, whose + " over time (samples)").ifPresent(html::append);
        return html.toString();
    }

    static Optional<String> chart(List<String> labels, List<MemorySnapshot> readings, String title) {
        return chart(labels, readings, SERIES, title);
    }

    /**
     * A chart of the given series over the readings (one label each); empty when no series has a value or there
     * are fewer than two readings (one point shows no trend).
     */
    static <T> Optional<String> chart(List<String> labels, List<T> readings, List<Series<T>> series, String title) {
        List<Series<T>> drawn = series.stream().filter(s -> readings.stream().anyMatch(m -> s.bytes().apply(m) != null))
                .toList();
        if (readings.size() < 2 || drawn.isEmpty()) {
            return Optional.empty();
        }
        long max = 1;
        for (T m : readings) {
            for (Series<T> s : drawn) {
                Long v = s.bytes().apply(m);
                max = Math.max(max, v == null ? 0 : v);
            }
        }
        SvgPlot plot = new SvgPlot(readings.size(), max, false);
        StringBuilder svg = new StringBuilder(plot.open("chart memory", title));
        plot.axes(svg, labels);
        for (int k = 0; k < drawn.size(); k++) {
            Series<T> s = drawn.get(k);
            svg.append(plot.series(labels, readings.stream().map(s.bytes()).toList(), s.name(), s.color()));
            svg.append(SvgPlot.legend(k, drawn.size(), s.name(), s.color()));
        }
        return Optional.of(svg.append("</svg>\n").toString());
    }
}
