package dev.vgharness.report;

import dev.vgharness.plan.Metric;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.Rate;
import dev.vgharness.result.WatchResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON report and the text summary of a {@code vgharness watch}:
 * <pre>
 * PASS   watch 4242: ./daemon heap (2.0 s, 11 samples every 200 ms, stopped 272 ms; detached, still running)
 *        heap_in_use_bytes_per_s       +30,654 /s  (11 samples)
 *        ...
 *        verdict: small-block heap growth (brk): heap in use +30,654 B/s, heap RSS +30 kB/s over 11 samples: ...
 * </pre>
 */
public final class WatchReport {

    private WatchReport() {
    }

    public static void writeJson(WatchResult result, Path file) throws IOException {
        ReportFiles.write(file, out -> ReportJson.mapper().writerWithDefaultPrettyPrinter()
                .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, result));
    }

    /** The rates by their metric names, in report order. */
    static Map<String, Rate> rates(WatchResult r) {
        Map<String, Rate> rates = new LinkedHashMap<>();
        for (Metric metric : Metric.memoryRates()) {
            rates.put(metric.key(), r.rates().rate(metric).orElseThrow());
        }
        return rates;
    }

    public static void printSummary(WatchResult r, PrintStream out) {
        out.printf(Locale.US, "%-6s %s (%s, %d samples every %d ms, stopped %d ms; %s)%n", TextSummary.mark(r.status()),
                title(r), TextSummary.seconds(r.durationMs()), r.samples().size(), r.everyMs(), r.stoppedMs(),
                ending(r));
        if (r.error() != null) {
            out.println("       error: " + r.error());
        }
        if (r.mallinfoUnavailable() != null) {
            out.println("       mallinfo: " + r.mallinfoUnavailable());
        }
        r.repairs().forEach(line -> out.println("       repaired: " + line));
        rates(r).forEach((name, rate) -> out.printf(Locale.US, "       %-27s %14s /s  (%d samples)%n", name,
                perSecond(rate), rate.samples()));
        out.println("       verdict: " + r.verdict().text());
        if (r.trimProbe() != null) {
            out.println("       trim probe: " + r.trimProbe().text() + " (heap RSS " + r.trimProbe().heapRssKbBefore()
                    + " kB -> " + r.trimProbe().heapRssKbAfter() + " kB)");
        }
        for (Assertion a : r.expectations()) {
            out.println("       " + (a.passed() ? "ok     " : "FAILED ") + a.describe());
        }
        out.flush();
    }

    /** {@code watch 4242: ./daemon heap}. */
    static String title(WatchResult r) {
        return "watch " + r.target().pid() + ": " + String.join(" ", r.target().command());
    }

    /** How the watch left the process, in words. */
    static String ending(WatchResult r) {
        if (r.exit() == null) {
            return "never watched";
        }
        if (r.exit().status() == CaseExit.Status.DETACHED) {
            return r.target().started() ? "ended by the watch" : "detached, still running";
        }
        return r.exit().code() == null && r.exit().status() == CaseExit.Status.EXITED ? "the process ended"
                : "the process ended: " + TextSummary.exit(r.exit());
    }

    static String perSecond(Rate rate) {
        return rate.perS() == null ? "unknown" : String.format(Locale.US, "%+,.0f", rate.perS());
    }
}
