package dev.vgharness.cli;

import dev.vgharness.report.HtmlReport;
import dev.vgharness.report.JsonReport;
import dev.vgharness.report.JunitReport;
import dev.vgharness.report.SarifReport;
import dev.vgharness.report.SourceRoots;
import dev.vgharness.report.TextSummary;
import dev.vgharness.result.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which reports to write. A report that cannot be written is one line on stderr, not a lost run: the others are
 * still written and the exit code still says how the run went.
 */
final class ReportOptions {

    @Option(names = "--json", paramLabel = "FILE", description = "the JSON report (docs/report.md)")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE", description = "JUnit XML (Jenkins, GitLab, GitHub, Azure)")
    Path junit;

    @Option(names = "--sarif", paramLabel = "FILE", description = "SARIF 2.1.0 (GitHub code scanning)")
    Path sarif;

    @Option(names = "--html", paramLabel = "FILE", description = "a self-contained HTML report")
    Path html;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "all reports at once into DIR: report.json, junit.xml, report.html, report.sarif")
    Path reportDir;

    /** Whether any report file is asked for. */
    boolean any() {
        return json != null || junit != null || sarif != null || html != null || reportDir != null;
    }

    /** A report writer: the result, the source roots, the file. */
    private interface Writer {
        void write(RunResult result, SourceRoots roots, Path file) throws IOException;
    }

    /** Writes every report asked for, then the summary (when asked, in colour on a terminal) and the paths written. */
    void write(RunResult result, SourceRoots roots, boolean printSummary, List<Path> alsoWritten, Output output) {
        write(result, roots, printSummary, java.util.Set.of(), alsoWritten, output);
    }

    /** @param shownLive the cases whose whole block was printed as they ended: the summary gives their first line */
    void write(RunResult result, SourceRoots roots, boolean printSummary, java.util.Set<String> shownLive,
            List<Path> alsoWritten, Output output) {
        List<Path> written = new ArrayList<>();
        write(result, roots, pick(json, "report.json"), (r, s, f) -> JsonReport.write(r, f), written, output.err());
        write(result, roots, pick(junit, "junit.xml"), JunitReport::write, written, output.err());
        write(result, roots, pick(sarif, "report.sarif"), SarifReport::write, written, output.err());
        if (pick(sarif, "report.sarif") != null) {
            SarifReport.unplaced(result, roots).ifPresent(w -> output.err().println("vgharness: warning: " + w));
        }
        write(result, roots, pick(html, "report.html"), HtmlReport::write, written, output.err());
        if (printSummary) {
            java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
            TextSummary.print(result, roots, new java.io.PrintStream(text, true, StandardCharsets.UTF_8), shownLive);
            output.out().print(output.style().marks(text.toString(StandardCharsets.UTF_8)));
        }
        written.addAll(alsoWritten);
        for (Path p : written) {
            output.out().println("report: " + p);
        }
        output.out().flush();
    }

    private Path pick(Path explicit, String nameInDir) {
        return explicit != null ? explicit : reportDir != null ? reportDir.resolve(nameInDir) : null;
    }

    private static void write(RunResult result, SourceRoots roots, Path file, Writer writer, List<Path> written,
            PrintWriter err) {
        if (file == null) {
            return;
        }
        try {
            writer.write(result, roots, file);
            written.add(file);
        } catch (IOException | RuntimeException e) {
            err.println("vgharness: cannot write " + file + ": " + e.getMessage());
        }
    }
}
