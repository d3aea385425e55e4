package dev.vgharness.report;

import dev.vgharness.report.HtmlMemoryChart.Series;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.WatchResult;
import dev.vgharness.result.WatchSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A watch as one self-contained HTML page: the verdict, failed expectations, the rates, the trim probe, and every
 * series over time: mallinfo2's heap in use, mmapped and free bytes; RSS, shared, RSS-SHR, heap RSS, mmap RSS and
 * swap; the resident part of each SysV segment.
 */
public final class WatchHtml {

    private static final List<Series<WatchSample>> MALLINFO = List.of(
            new Series<>("heap in use", "#2980b9", s -> s.mallinfo() == null ? null : s.mallinfo().uordblks()),
            new Series<>("mmap in use", "#16a085", s -> s.mallinfo() == null ? null : s.mallinfo().hblkhd()),
            new Series<>("heap free", "#8e44ad", s -> s.mallinfo() == null ? null : s.mallinfo().fordblks()));
    private static final List<Series<WatchSample>> PROC = List.of(
            new Series<>("RSS", "#7f8c8d", s -> s.proc().rssKb() * 1024),
            new Series<>("shared", "#f39c12", s -> s.proc().sharedKb() * 1024),
            new Series<>("RSS-SHR", "#2c3e50", s -> s.proc().rssMinusSharedKb() * 1024),
            new Series<>("heap RSS", "#d35400", s -> s.proc().heapRssKb() * 1024),
            new Series<>("mmap RSS", "#27ae60", s -> s.proc().mmapRssKb() * 1024),
            new Series<>("swap", "#c0392b", s -> s.proc().swapKb() * 1024));
    private static final List<String> PALETTE = List.of("#e67e22", "#9b59b6", "#1abc9c", "#34495e", "#e74c3c");

    private WatchHtml() {
    }

    public static void write(WatchResult result, Path file) throws IOException {
        ReportFiles.writeString(file, html(result));
    }

    public static String html(WatchResult r) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.append("<title>vgharness: ").append(Html.escape(WatchReport.title(r))).append("</title>");
        html.append("<style>").append(HtmlAssets.CSS).append("</style></head><body>\n");
        html.append("<header><h1>").append(Html.escape(WatchReport.title(r))).append(' ')
                .append(HtmlReport.status(r.status())).append("</h1><p class=\"muted\">started ")
                .append(Html.escape(r.startedAt())).append(" · ").append(TextSummary.seconds(r.durationMs()))
                .append(" · ").append(r.samples().size()).append(" samples every ").append(r.everyMs())
                .append(" ms · stopped ").append(r.stoppedMs()).append(" ms · ")
                .append(Html.escape(WatchReport.ending(r))).append("</p></header>\n");
        problems(html, r);
        html.append("<h2>Verdict</h2><p>").append(Html.escape(r.verdict().text())).append("</p>\n");
        if (r.trimProbe() != null) {
            html.append("<h2>Trim probe</h2><p>").append(Html.escape(r.trimProbe().text())).append(" (heap RSS ")
                    .append(r.trimProbe().heapRssKbBefore()).append(" kB before, ")
                    .append(r.trimProbe().heapRssKbAfter()).append(" kB after)</p>\n");
        }
        rates(html, r);
        charts(html, r.samples());
        return html.append("</body></html>\n").toString();
    }

    private static void problems(StringBuilder html, WatchResult r) {
        List<String> items = new ArrayList<>();
        if (r.error() != null) {
            items.add("error: " + r.error());
        }
        if (r.mallinfoUnavailable() != null) {
            items.add("mallinfo: " + r.mallinfoUnavailable());
        }
        r.repairs().forEach(line -> items.add("repaired: " + line));
        r.expectations().stream().filter(a -> !a.passed()).map(Assertion::describe).forEach(items::add);
        html.append(items.isEmpty() ? "<section class=\"problems none\">" : "<section class=\"problems\">")
                .append("<h2>Failed expectations and notes (").append(items.size()).append(")</h2><ul>");
        items.forEach(item -> html.append("<li>").append(Html.escape(item)).append("</li>"));
        html.append(items.isEmpty() ? "<li>none</li>" : "").append("</ul></section>\n");
    }

    private static void rates(StringBuilder html, WatchResult r) {
        html.append("<h2>Rates (least-squares slope over the samples)</h2><table><thead><tr><th>metric</th>"
                + "<th>per second</th><th>samples</th><th>expected</th></tr></thead><tbody>");
        WatchReport.rates(r).forEach((name, rate) -> {
            String expected = r.expectations().stream().filter(a -> a.metric().equals(name))
                    .map(a -> (a.passed() ? "" : "FAILED ") + a.expected()).reduce((x, y) -> x + ", " + y).orElse("");
            html.append("<tr><td><code>").append(name).append("</code></td><td class=\"num\">")
                    .append(Html.escape(WatchReport.perSecond(rate))).append("</td><td class=\"num\">")
                    .append(rate.samples()).append("</td><td>").append(Html.escape(expected)).append("</td></tr>");
        });
        html.append("</tbody></table>\n");
    }

    private static void charts(StringBuilder html, List<WatchSample> samples) {
        List<String> labels = samples.stream().map(s -> String.format(Locale.US, "%.1fs", s.atMs() / 1000.0)
                + (s.breakpoint() == null ? "" : " " + s.breakpoint())).toList();
        HtmlMemoryChart.chart(labels, samples, MALLINFO, "mallinfo2 over time").ifPresent(html::append);
        HtmlMemoryChart.chart(labels, samples, PROC, "/proc over time").ifPresent(html::append);
        HtmlMemoryChart.chart(labels, samples, sysvSeries(samples), "SysV segments over time").ifPresent(html::append);
    }

    /** One line per SysV segment key seen: its resident bytes in each sample. */
    private static List<Series<WatchSample>> sysvSeries(List<WatchSample> samples) {
        Set<String> keys = new LinkedHashSet<>();
        samples.forEach(s -> s.sysv().forEach(seg -> keys.add(seg.key())));
        List<Series<WatchSample>> series = new ArrayList<>();
        for (String key : keys) {
            String color = PALETTE.get(series.size() % PALETTE.size());
            series.add(new Series<>("SysV " + key, color, s -> residentBytes(s, key)));
        }
        return series;
    }

    /** The resident bytes of the segment's mappings in a sample, or null when it is not mapped then. */
    private static Long residentBytes(WatchSample sample, String key) {
        var mapped = sample.sysv().stream().filter(seg -> seg.key().equals(key)).toList();
        return mapped.isEmpty() ? null : mapped.stream().mapToLong(seg -> seg.rssKb()).sum() * 1024;
    }
}
