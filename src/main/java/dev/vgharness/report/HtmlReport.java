package dev.vgharness.report;

import dev.vgharness.result.Assertion;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.StopResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run as one self-contained HTML page (no network: styles, chart and script inline): failed expectations and
 * harness problems first, then per case a chart of leaked bytes per kind over the stops (and of the process memory
 * over the stops and samples when it was taken), a table of the stops and
 * the loss records as sortable tables with their stacks and source lines.
 * <pre>
 * &lt;h2&gt;growth &lt;span class="status failed"&gt;failed&lt;/span&gt;&lt;/h2&gt; &lt;svg class="chart"&gt;...
 * </pre>
 */
public final class HtmlReport {

    private final HtmlLossTable tables;
    private final FailureEvidence evidence;

    private HtmlReport(SourceRoots roots) {
        this.tables = new HtmlLossTable(roots);
        this.evidence = new FailureEvidence(roots);
    }

    public static void write(RunResult result, SourceRoots roots, Path file) throws IOException {
        ReportFiles.writeString(file, html(result, roots));
    }

    public static String html(RunResult result, SourceRoots roots) {
        return new HtmlReport(roots).page(result);
    }

    private String page(RunResult run) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.append("<title>vgharness: ").append(Html.escape(run.plan().name())).append("</title>");
        html.append("<style>").append(HtmlAssets.CSS).append("</style></head><body>\n");
        header(html, run);
        problems(html, run);
        for (CaseResult c : run.cases()) {
            // Each child process is a section of its own after its case, named case[pid].
            for (CaseResult process : c.processes()) {
                caseSection(html, process);
            }
        }
        html.append("<script>").append(HtmlAssets.SORT_SCRIPT).append("</script>\n</body></html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, RunResult run) {
        html.append("<header><h1>").append(Html.escape(run.plan().name())).append(' ').append(status(run.status()))
                .append("</h1><p class=\"muted\">").append(Html.escape(run.plan().path())).append(" · started ")
                .append(Html.escape(run.startedAt())).append(" · ").append(TextSummary.seconds(run.durationMs()))
                .append(" · ").append(run.cases().size()).append(" cases");
        run.environment().forEach((tool, version) -> html.append(" · ").append(Html.escape(tool)).append(' ')
                .append(Html.escape(version == null ? "?" : version)));
        html.append("</p></header>\n");
    }

    /** Failed expectations and harness errors, before anything else: what a person opens the report for. */
    private void problems(StringBuilder html, RunResult run) {
        List<String> items = new ArrayList<>();
        if (run.build() != null) {
            items.add(item("build", "build failed (exit " + run.build().exitCode() + "): " + run.build().command(),
                    run.build().output()));
        }
        for (CaseResult c : run.cases()) {
            if (c.error() != null) {
                items.add(item(c.name(), "error: " + c.error(), ""));
            }
            for (StopResult stop : c.stops()) {
                List<LossRecordResult> records = stop.leakCheck() == null ? List.of() : stop.leakCheck().lossRecords();
                failed(stop.assertions(), c.name() + " · " + stop.label(), records, List.of(),
                        items);
            }
            failed(c.assertions(), c.name() + " · exit",
                    c.finalResults() == null ? List.of() : c.finalResults().lossRecords(),
                    c.finalResults() == null ? List.of() : c.finalResults().errors(), items);
        }
        html.append(items.isEmpty() ? "<section class=\"problems none\">" : "<section class=\"problems\">")
                .append("<h2>Failed expectations and errors (").append(items.size())
                .append(")</h2>");
        html.append(items.isEmpty() ? "<p>none: every expectation held.</p>" : "<ul>" + String.join("", items) + "</ul>");
        html.append("</section>\n");
    }

    private void failed(List<Assertion> assertions, String where, List<LossRecordResult> records,
            List<dev.vgharness.memcheck.MemcheckError> errors, List<String> items) {
        for (Assertion a : assertions) {
            if (!a.passed()) {
                items.add(item(where, a.describe(), evidence.explain(a, records, errors)));
            }
        }
    }

    private static String item(String where, String message, String detail) {
        return "<li><b>" + Html.escape(where) + "</b>: " + Html.escape(message)
                + (detail.isEmpty() ? "" : "<pre>" + Html.escape(detail) + "</pre>") + "</li>";
    }

    private void caseSection(StringBuilder html, CaseResult c) {
        html.append("<section class=\"case\"><h2>").append(Html.escape(c.name())).append(' ').append(status(c.status()))
                .append("</h2><p class=\"muted\"><code>").append(Html.escape(String.join(" ", c.command())))
                .append("</code> · pid ").append(c.pid()).append(" · ").append(TextSummary.seconds(c.durationMs()))
                .append(" · ").append(Html.escape(TextSummary.exit(c))).append("</p>\n");
        html.append(HtmlChart.svg(HtmlStops.points(c))).append('\n');
        html.append(HtmlMemoryChart.forCase(c));
        html.append("<div class=\"wide\">").append(HtmlStops.table(c)).append("</div>\n");
        if (c.finalResults() != null) {
            html.append("<h3>Loss records at exit").append(c.finalResults().complete() ? "" : " (valgrind cut short)")
                    .append("</h3>").append(tables.table(c.finalResults().lossRecords()));
            errors(html, c.finalResults().errors());
        }
        html.append(HtmlStops.errorStops(c));
        for (StopResult stop : c.stops()) {
            if (stop.leakCheck() != null) {
                html.append("<details class=\"stop\"><summary>Loss records at ").append(Html.escape(stop.label()))
                        .append("</summary>")
                        .append(tables.table(stop.leakCheck().lossRecords())).append("</details>\n");
            }
            if (!stop.blockLists().isEmpty()) {
                html.append("<details class=\"stop\" open><summary>Blocks at ").append(Html.escape(stop.label()))
                        .append("</summary>").append(HtmlBlocks.table(stop.blockLists())).append("</details>\n");
            }
        }
        html.append("</section>\n");
    }

    private void errors(StringBuilder html, List<dev.vgharness.memcheck.MemcheckError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        html.append("<h3>Memcheck errors</h3><ul class=\"errors\">");
        for (dev.vgharness.memcheck.MemcheckError e : errors) {
            html.append("<li><b>").append(Html.escape(e.kind())).append("</b> ").append(Html.escape(e.what()))
                    .append(e.count() > 1 ? " (" + e.count() + " times)" : "").append(tables.stack(e.stack()));
            if (e.auxiliary() != null) {
                html.append("<p>").append(Html.escape(e.auxiliary())).append("</p>").append(tables.stack(e.auxiliaryStack()));
            }
            html.append("</li>");
        }
        html.append("</ul>\n");
    }

    static String status(dev.vgharness.result.RunStatus status) {
        String word = status.name().toLowerCase(java.util.Locale.ROOT);
        return "<span class=\"status " + word + "\">" + word + "</span>";
    }

}
