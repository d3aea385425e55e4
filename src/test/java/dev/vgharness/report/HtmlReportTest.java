package dev.vgharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.Fixtures;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.SampleRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlReportTest {

    private static final String PAGE = HtmlReport.html(SampleRuns.run(), new SourceRoots(List.of(Fixtures.file("src"))));

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void escapesEveryStringFromTheTargetThePlanAndValgrind() {
        String escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;";

        assertEquals(1, count(PAGE, "<script"), "only the page's own sorting script");
        assertFalse(PAGE.contains("alert(\"x\")"));
        assertTrue(PAGE.contains("<code>./evil " + escaped + "</code>"), "command line");
        assertTrue(PAGE.contains("<h2>evil " + escaped + " <span"), "case name");
        assertTrue(PAGE.contains(escaped + " (&lt;b&gt;evil&quot;.c:7)"), "function and file of a frame");
        assertTrue(PAGE.contains("error: timeout after 1s " + escaped), "harness error");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<a href=\"x\">|&lt;a href=&quot;x&quot;&gt;",
        "it's & co|it&#39;s &amp; co",
        "bell\u0007!|bell&#xFFFD;!",
        "plain text|plain text"})
    void escapesTextAndAttributeValues(String raw, String expected) {
        assertEquals(expected, Html.escape(raw));
    }

    @Test
    void everyLossRecordIsARowShowingItsLeakIdentitySoSitesSharingOneSortTogether() {
        List<LossRecordResult> check = SampleRuns.check(SampleRuns.requestSites(), r -> false);
        String page = HtmlReport.html(SampleRuns.runOf(SampleRuns.exitCase("sites", check)),
                new SourceRoots(List.of(Fixtures.file("src"))));

        Matcher rows = Pattern.compile("<td data-v=\"(\\d+)\">\\1</td><td data-v=\"\\d+\">\\d+</td>"
                + "<td data-v=\"[^\"]*\">[^<]*</td><td data-v=\"([0-9a-f]{16})\" title=\"([^\"]*)\">").matcher(page);
        List<String> bytes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        while (rows.find()) {
            bytes.add(rows.group(1));
            hashes.add(rows.group(2));
        }
        assertEquals(List.of("32", "40", "96"), bytes);
        assertEquals(check.stream().map(r -> r.identity().hash()).toList(), hashes);
        assertEquals(hashes.get(0), hashes.get(2));
        assertTrue(page.contains("title=\"" + Html.escape(check.get(1).identity().text()) + "\""));
    }

    @Test
    void loadsNothingFromTheNetwork() {
        Matcher urls = Pattern.compile("https?:[^\"'\\s<)]*").matcher(PAGE);
        List<String> found = urls.results().map(java.util.regex.MatchResult::group).distinct().toList();

        assertEquals(List.of("http://www.w3.org/2000/svg"), found);
        assertFalse(PAGE.contains(" src="));
        assertFalse(PAGE.contains("<link"));
        assertFalse(PAGE.contains("url("));
        assertFalse(PAGE.contains("@import"));
    }

    @Test
    void listsFailedExpectationsBeforeTheCases() {
        int failure = PAGE.indexOf("new_definitely_lost_bytes: expected &lt;= 32, was 64");
        int firstCase = PAGE.indexOf("<section class=\"case\">");

        assertTrue(failure > 0 && failure < firstCase, "failure at " + failure + ", first case at " + firstCase);
        assertTrue(PAGE.contains("<h2>Failed expectations and errors (3)</h2>"));
    }

    @Test
    void chartsBytesPerKindOverTheStopsAndTheExit() {
        String growth = PAGE.substring(PAGE.indexOf("<section class=\"case\">"));
        String svg = growth.substring(growth.indexOf("<svg"), growth.indexOf("</svg>"));

        assertEquals(3, count(svg, "<polyline") - count(svg, "stroke-dasharray=\"5 4\" points="),
                "a solid line per lost kind over the stops");
        assertEquals(3, count(svg, "stroke-dasharray=\"5 4\" points="), "and a dashed one from the last stop to the exit");
        assertEquals(9, count(svg, "<circle"), "3 lost kinds at 2 stops and the exit");
        assertEquals(3, count(svg, "fill=\"#fff\""), "the exit's points hollow");
        assertEquals(1, count(svg, "class=\"exit-rule\""), "a dashed rule sets the exit apart");
        assertTrue(svg.contains("<title>after_request#2 definitely lost: 96 bytes</title>"));
        assertTrue(svg.contains("<title>exit definitely lost: 128 bytes</title>"));
        assertTrue(svg.contains("class=\"title\">Leaked bytes per kind at each stop, then Valgrind&#39;s exit check"
                + " (dashed)</text>"), svg);
        assertTrue(svg.contains("text-anchor=\"end\">bytes</text>"), "the y axis's unit: " + svg);
    }

    @Test
    void aCaseWithOnePointHasNoChartAndLongLabelsKeepTheirEndAndStayInside() {
        HtmlChart.Point exit = new HtmlChart.Point("exit", SampleRuns.growth().finalResults().summary(), true);
        assertEquals("", HtmlChart.svg(List.of(exit)));

        List<HtmlChart.Point> points = new java.util.ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            points.add(new HtmlChart.Point("/work/project/src/server/handler.c:120#" + i, exit.summary()));
        }
        points.add(exit);
        String svg = HtmlChart.svg(points);
        java.util.regex.Matcher labels = java.util.regex.Pattern.compile(
                "<text x=\"([0-9.]+)\" y=\"222\" class=\"tick\" text-anchor=\"(\\w+)\">([^<]*)</text>").matcher(svg);
        List<String> shown = new java.util.ArrayList<>();
        double previousEnd = -1;
        while (labels.find()) {
            double x = Double.parseDouble(labels.group(1));
            double half = labels.group(3).length() * 6.6 / 2;
            double start = switch (labels.group(2)) {
                case "end" -> x - 2 * half;
                case "start" -> x;
                default -> x - half;
            };
            assertTrue(start >= 0 && start + 2 * half <= SvgPlot.WIDTH, "inside the chart: " + labels.group());
            assertTrue(start > previousEnd, "no overlap: " + labels.group());
            previousEnd = start + 2 * half;
            shown.add(labels.group(3));
        }
        assertEquals(List.of("…r/handler.c:120#1", "…r/handler.c:120#4", "…r/handler.c:120#7",
                "…/handler.c:120#10", "exit"), shown);
    }

    @Test
    void showsStacksWithTheirSourceLinesReadFromDisk() {
        assertTrue(PAGE.contains("<li class=\"own\"><code>handle_request (leaky.c:29)</code><pre class=\"src\">29: "
                + "char *scratch = malloc(32 + id);"), "own frame with its line");
        assertTrue(PAGE.contains("<li><code>malloc (in " + SampleRuns.PRELOAD + ")</code></li>"), "preload frame");
    }

    @Test
    void makesLossRecordTablesSortableByBytesBlocksAndKind() {
        assertTrue(PAGE.contains("<table class=\"sortable\"><thead><tr><th data-type=\"num\" title=\"sort\">#</th>"
                + "<th data-type=\"text\" title=\"sort\">kind</th><th data-type=\"num\" title=\"sort\">bytes</th>"
                + "<th data-type=\"num\" title=\"sort\">blocks</th>"));
        assertTrue(PAGE.contains("<tr class=\"definitely_lost\"><td data-v=\"3\">3</td><td data-v=\"definitely_lost\">"
                + "definitely lost</td><td data-v=\"128\">128</td><td data-v=\"4\">4</td>"));
        assertTrue(PAGE.contains("<tr class=\"possibly_lost baseline\">"));
    }

    @Test
    void writesThePageToAFileCreatingItsFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("reports/report.html");
        HtmlReport.write(SampleRuns.run(), new SourceRoots(List.of(Fixtures.file("src"))), file);

        assertEquals(PAGE, java.nio.file.Files.readString(file));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/sample-report.html"), PAGE);
    }
}
