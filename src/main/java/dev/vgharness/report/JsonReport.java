package dev.vgharness.report;

import dev.vgharness.result.RunResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** The canonical JSON report (docs/report.md), pretty-printed; every other report is made from the same result. */
public final class JsonReport {

    private JsonReport() {
    }

    /** Writes the report whole or not at all ({@link ReportFiles}). */
    public static void write(RunResult result, Path file) throws IOException {
        ReportFiles.write(file, out -> write(result, out));
    }

    public static void write(RunResult result, OutputStream out) throws IOException {
        ReportJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out, result);
    }

    public static String toJson(RunResult result) throws IOException {
        return ReportJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result);
    }
}
