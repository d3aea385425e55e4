package dev.vgharness.vgdb;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds programs the way {@code execvp} does: a name with a slash is a path (relative to a directory), a bare
 * name is looked up in the directories of a PATH string such as {@code /usr/local/bin:/usr/bin}.
 */
public final class Executables {

    private Executables() {
    }

    /** The executable file {@code name} resolves to, or empty when there is none. */
    public static Optional<Path> find(String name, String searchPath, Path cwd) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (name.contains("/")) {
            Path p = cwd.resolve(name).toAbsolutePath().normalize();
            return isExecutableFile(p) ? Optional.of(p) : Optional.empty();
        }
        for (String dir : (searchPath == null ? "" : searchPath).split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir).resolve(name).toAbsolutePath();
            if (isExecutableFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The same lookup with the JVM's PATH and working directory. */
    public static Optional<Path> find(String name) {
        return find(name, System.getenv("PATH"), Path.of("").toAbsolutePath());
    }

    static boolean isExecutableFile(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }

    /** The target with its symbolic links resolved (for {@code vgdb} next to the real valgrind), or itself. */
    public static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }
}
