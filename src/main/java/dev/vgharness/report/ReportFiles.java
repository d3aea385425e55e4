package dev.vgharness.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a report goes: its folder is made when missing (a {@code --report-dir} that does not exist yet). */
final class ReportFiles {

    private ReportFiles() {
    }

    /** Creates the file's folder when it has one and it is missing; returns the file. */
    static Path withFolder(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return file;
    }
}
