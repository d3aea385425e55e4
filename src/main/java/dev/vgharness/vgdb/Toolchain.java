package dev.vgharness.vgdb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where valgrind, vgdb and gdb are and which versions they are: {@code valgrind --version} prints
 * {@code valgrind-3.19.0}, {@code gdb --version} starts with {@code GNU gdb (Debian 13.1-3) 13.1}; vgdb has no
 * version switch and is the one installed next to the real valgrind.
 */
public final class Toolchain {

    private static final Duration VERSION_DEADLINE = Duration.ofSeconds(20);
    private static final Pattern TRAILING_VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.\\d+)?\\s*$");

    private Toolchain() {
    }

    /** A version number as major.minor, enough to compare gdb releases. */
    public record Version(int major, int minor) implements Comparable<Version> {
        @Override
        public int compareTo(Version other) {
            return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
        }

        @Override
        public String toString() {
            return major + "." + minor;
        }
    }

    /** {@code dirname(realpath(valgrind))/vgdb} when it is there, else vgdb from PATH, else the bare name. */
    public static Path vgdbFor(Path valgrind, String searchPath) {
        Path parent = Executables.realPath(valgrind).getParent();
        if (parent != null && Executables.isExecutableFile(parent.resolve("vgdb"))) {
            return parent.resolve("vgdb");
        }
        return Executables.find("vgdb", searchPath, Path.of("").toAbsolutePath()).orElse(Path.of("vgdb"));
    }

    /** The first line {@code binary --version} prints, for example {@code valgrind-3.19.0}; empty on failure. */
    public static Optional<String> versionLine(Path binary, Map<String, String> environment) {
        ShortCommand.Result r = ShortCommand.run(List.of(binary.toString(), "--version"), environment, VERSION_DEADLINE);
        return r.succeeded() && !r.firstLine().isEmpty() ? Optional.of(r.firstLine()) : Optional.empty();
    }

    /** The number at the end of a version line: {@code GNU gdb (Debian 13.1-3) 13.1} gives 13.1. */
    public static Optional<Version> parseVersion(String line) {
        Matcher m = TRAILING_VERSION.matcher(line);
        if (m.find()) {
            return Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        return Optional.empty();
    }
}
