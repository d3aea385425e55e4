package dev.vgharness.cli;

import dev.vgharness.report.HtmlReport;
import dev.vgharness.report.JsonReport;
import dev.vgharness.report.JunitReport;
import dev.vgharness.report.SarifReport;
import dev.vgharness.report.SourceRoots;
import dev.vgharness.report.TextSummary;
import dev.vgharness.result.RunResult;
import java.io.IOException;
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

    @Option(names = "--source-root", paramLabel = "DIR",
            description = "where the program's own sources are (repeatable; default: the plan's folder; for"
                    + " check and merge the top of the current folder's git checkout, else the current folder)")
    List<Path> sourceRoots = new ArrayList<>();

    /** A report writer: the result, the source roots, the file. */
    private interface Writer {
        void write(RunResult result, SourceRoots roots, Path file) throws IOException;
    }

    /** The {@code --source-root} folders, or the default; a root that is not a folder is a usage error. */
    SourceRoots roots(Path defaultRoot) {
        for (Path root : sourceRoots) {
            if (!java.nio.file.Files.isDirectory(root)) {
                throw new ExitCodes.UsageException("--source-root " + root + ": not a folder");
            }
        }
        return new SourceRoots(sourceRoots.isEmpty() ? List.of(defaultRoot) : sourceRoots);
    }

    /** Writes every report asked for, then the summary (when asked) and the paths written. */
    void write(RunResult result, SourceRoots roots, boolean printSummary, List<Path> alsoWritten) {
        List<Path> written = new ArrayList<>();
        write(result, roots, pick(json, "report.json"), (r, s, f) -> JsonReport.write(r, f), written);
        write(result, roots, pick(junit, "junit.xml"), JunitReport::write, written);
        write(result, roots, pick(sarif, "report.sarif"), SarifReport::write, written);
        if (pick(sarif, "report.sarif") != null) {
            SarifReport.unplaced(result, roots).ifPresent(w -> System.err.println("vgharness: warning: " + w));
        }
        write(result, roots, pick(html, "report.html"), HtmlReport::write, written);
        if (printSummary) {
            TextSummary.print(result, roots, System.out);
        }
        written.addAll(alsoWritten);
        for (Path p : written) {
            System.out.println("report: " + p);
        }
        System.out.flush();
    }

    private Path pick(Path explicit, String nameInDir) {
        return explicit != null ? explicit : reportDir != null ? reportDir.resolve(nameInDir) : null;
    }

    private static void write(RunResult result, SourceRoots roots, Path file, Writer writer, List<Path> written) {
        if (file == null) {
            return;
        }
        try {
            writer.write(result, roots, file);
            written.add(file);
        } catch (IOException | RuntimeException e) {
            System.err.println("vgharness: cannot write " + file + ": " + e.getMessage());
        }
    }
}
