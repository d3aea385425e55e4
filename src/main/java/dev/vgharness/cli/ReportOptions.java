package dev.vgharness.cli;

import dev.vgharness.plan.RunResult;
import dev.vgharness.report.JsonReport;
import dev.vgharness.report.TextSummary;
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

    @Option(names = "--json", paramLabel = "FILE", description = "the JSON report (report.md)")
    Path json;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "all reports at once into DIR (report.json, ...)")
    Path reportDir;

    void write(RunResult result, boolean printSummary) {
        List<Path> written = new ArrayList<>();
        Path jsonFile = json != null ? json : reportDir != null ? reportDir.resolve("report.json") : null;
        if (jsonFile != null) {
            try {
                JsonReport.write(result, jsonFile);
                written.add(jsonFile);
            } catch (IOException e) {
                System.err.println("vgharness: cannot write " + jsonFile + ": " + e.getMessage());
            }
        }
        if (printSummary) {
            TextSummary.print(result, System.out);
        }
        for (Path p : written) {
            System.out.println("report: " + p);
        }
        System.out.flush();
    }
}
