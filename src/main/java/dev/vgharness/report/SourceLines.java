package dev.vgharness.report;

import dev.vgharness.memcheck.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lines of the user's sources, read from disk once per file: shown next to a stack frame, and hashed into leak
 * identities. A file that is not under a source root, or cannot be read, has no lines: the report then shows the
 * frame alone, and the identity counts the site instead. Safe for the cases of a run that read at once.
 */
public final class SourceLines implements SourceText {

    private final SourceRoots roots;
    private final Map<Path, Optional<List<String>>> files = new HashMap<>();

    public SourceLines(SourceRoots roots) {
        this.roots = roots;
    }

    /** The text of {@code file:line}, stripped, when the file is found. */
    Optional<String> line(String file, Integer line) {
        if (file == null || line == null || line < 1) {
            return Optional.empty();
        }
        return lines(file).filter(l -> line <= l.size()).map(l -> l.get(line - 1).strip());
    }

    @Override
    public Optional<List<String>> lines(String file) {
        return roots.resolve(file).flatMap(this::read);
    }

    private synchronized Optional<List<String>> read(Path path) {
        return files.computeIfAbsent(path, p -> {
            try {
                // Decoded leniently: a file in another encoding still has lines (bad bytes become U+FFFD).
                return Optional.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8).lines().toList());
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }
}
