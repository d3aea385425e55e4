package dev.vgharness.cli;

import dev.vgharness.report.SourceRoots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --source-root DIR}: where the program's own sources are, for the first own frame of a record and
 * {@code --own-code-only}. Its default differs: {@code run} takes the plan's folder, {@code check} and {@code merge}
 * the top of the current folder's git checkout, and each command's help says its own.
 */
final class SourceRootOptions {

    private SourceRootOptions() {
    }

    /** For {@code run}: the plan's folder unless given. */
    static final class OfPlan {
        @Option(names = "--source-root", paramLabel = "DIR",
                description = "where the program's own sources are (repeatable; default: the plan's folder)")
        List<Path> dirs = new ArrayList<>();

        SourceRoots roots(Path planFolder) {
            return SourceRootOptions.roots(dirs, planFolder);
        }
    }

    /**
     * For {@code check} and {@code merge}: unless given, the top of the current folder's git checkout (where code
     * scanning maps SARIF paths from), else the current folder.
     */
    static final class Here {
        @Option(names = "--source-root", paramLabel = "DIR", description = "where the program's own sources are"
                + " (repeatable; default: the top of the current folder's git checkout, else the current folder)")
        List<Path> dirs = new ArrayList<>();

        SourceRoots roots() {
            return SourceRootOptions.roots(dirs, SourceRoots.checkoutOf(Path.of("").toAbsolutePath()));
        }
    }

    /** The folders given, or the default; one that is not a folder is a usage error. */
    private static SourceRoots roots(List<Path> given, Path defaultRoot) {
        for (Path root : given) {
            if (!Files.isDirectory(root)) {
                throw new ExitCodes.UsageException("--source-root " + root + ": not a folder");
            }
        }
        return new SourceRoots(given.isEmpty() ? List.of(defaultRoot) : given);
    }
}
