package dev.vgharness;

import dev.vgharness.vgdb.Executables;
import dev.vgharness.vgdb.Toolchain;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The valgrind, vgdb, gdb, compilers and tmux the end-to-end tests run. The valgrind is {@code -Dvgharness.valgrind=PATH},
 * else {@code $VGHARNESS_VALGRIND}, else {@code valgrind} on PATH, and the vgdb is the one installed next to it (as
 * the harness itself picks it); gdb is {@code -Dvgharness.gdb} / {@code $VGHARNESS_GDB} / PATH. Every end-to-end test
 * passes these on ({@code --valgrind}, {@code withTools}), so {@code VGHARNESS_VALGRIND=/opt/valgrind-3.27/bin/valgrind
 * scripts/test} runs the whole suite against that build.
 */
public final class TestTools {

    /** What the end-to-end tests need; {@link #problem} says what to install when one is missing. */
    public enum Tool { VALGRIND, GDB, COMPILERS, TMUX }

    private static final Map<Tool, Optional<String>> PROBLEMS = new EnumMap<>(Tool.class);
    private static Toolchain.Version valgrindVersion;

    private TestTools() {
    }

    /** The valgrind under test, as an absolute path. */
    public static String valgrind() {
        return require(Tool.VALGRIND, chosen("vgharness.valgrind", "VGHARNESS_VALGRIND", "valgrind"));
    }

    /** The vgdb the harness uses with {@link #valgrind()}: the one next to it. */
    public static String vgdb() {
        return Toolchain.vgdbFor(Path.of(valgrind()), System.getenv("PATH")).toString();
    }

    /** The gdb under test, as an absolute path. */
    public static String gdb() {
        return require(Tool.GDB, chosen("vgharness.gdb", "VGHARNESS_GDB", "gdb"));
    }

    /** {@code --valgrind V --gdb G}: the command line options that make {@code run}, {@code check} and {@code repl} use them. */
    public static List<String> options() {
        return List.of("--valgrind", valgrind(), "--gdb", gdb());
    }

    /** {@code 3.19} for valgrind-3.19.0: for the tests of behaviour that depends on the version. */
    public static synchronized Toolchain.Version valgrindVersion() {
        if (valgrindVersion == null) {
            valgrindVersion = Toolchain.versionLine(Path.of(valgrind()), null).flatMap(Toolchain::parseVersion)
                    .orElseThrow(() -> new IllegalStateException(valgrind() + " --version printed no version"));
        }
        return valgrindVersion;
    }

    /** True when the valgrind under test is {@code major.minor} or newer. */
    public static boolean valgrindIsAtLeast(int major, int minor) {
        return valgrindVersion().compareTo(new Toolchain.Version(major, minor)) >= 0;
    }

    /** Why the tool cannot be used, as one line that says what to install; empty when it is there. */
    public static synchronized Optional<String> problem(Tool tool) {
        return PROBLEMS.computeIfAbsent(tool, TestTools::findProblem);
    }

    private static Optional<String> findProblem(Tool tool) {
        return switch (tool) {
            case VALGRIND -> binaryProblem(chosen("vgharness.valgrind", "VGHARNESS_VALGRIND", "valgrind"),
                    "VGHARNESS_VALGRIND or -Dvgharness.valgrind", "valgrind").or(() -> vgdbProblem(
                            Executables.find(chosen("vgharness.valgrind", "VGHARNESS_VALGRIND", "valgrind")).orElseThrow()));
            case GDB -> binaryProblem(chosen("vgharness.gdb", "VGHARNESS_GDB", "gdb"), "VGHARNESS_GDB or -Dvgharness.gdb",
                    "gdb");
            case COMPILERS -> Executables.find("gcc").isPresent() && Executables.find("g++").isPresent()
                    ? Optional.empty() : Optional.of("gcc and g++ are not on PATH: install them (apt-get install gcc g++)");
            case TMUX -> Executables.find("tmux").isPresent() ? Optional.empty()
                    : Optional.of("tmux is not on PATH: install it (apt-get install tmux)");
        };
    }

    private static Optional<String> binaryProblem(String chosen, String variable, String name) {
        if (Executables.find(chosen).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(chosen.equals(name) ? name + " is not on PATH: install it (apt-get install " + name
                + ") or point " + variable + " at one" : chosen + " (" + variable + ") is not an executable file");
    }

    private static Optional<String> vgdbProblem(Path valgrind) {
        Path vgdb = Toolchain.vgdbFor(valgrind, System.getenv("PATH"));
        return vgdb.isAbsolute() ? Optional.empty()
                : Optional.of("vgdb is neither next to " + valgrind + " nor on PATH: install the valgrind that ships it");
    }

    /** The system property, else the environment variable, else the bare name (found on PATH). */
    private static String chosen(String property, String variable, String name) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? name : value;
    }

    private static String require(Tool tool, String chosen) {
        problem(tool).ifPresent(p -> {
            throw new IllegalStateException(p);
        });
        return Executables.find(chosen).orElseThrow().toString();
    }
}
