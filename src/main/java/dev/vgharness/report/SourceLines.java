package dev.vgharness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lines of the user's sources, read from disk once per file, for showing next to a stack frame. A file that is not
 * under a source root, or cannot be read, has no lines: the report then shows the frame alone.
 */
final class SourceLines {

    private final SourceRoots roots;
    private final Map<Path, List<String>> files = new HashMap<>();

    SourceLines(SourceRoots roots) {
        this.roots = roots;
    }

    /** The text of {@code file:line}, stripped, when the file is found. */
    Optional<String> line(String file, Integer line) {
        if (file == null || line == null || line < 1) {
            return Optional.empty();
        }
        return roots.resolve(file).flatMap(this::lines).filter(l -> line <= l.size()).map(l -> l.get(line - 1).strip());
    }

    private Optional<List<String>> lines(Path path) {
        return Optional.ofNullable(files.computeIfAbsent(path, p -> {
            try {
                return Files.readAllLines(p, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }));
    }
}
