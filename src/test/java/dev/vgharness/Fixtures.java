package dev.vgharness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test fixtures: recorded transcripts under {@code fixtures/}, and C/C++ programs compiled on demand with
 * {@code -g -O0} into {@code target/fixtures}. Lines are found by their {@code MARK:name} comment, never by number.
 */
public final class Fixtures {

    public static final Path ROOT = Path.of("fixtures").toAbsolutePath();
    private static final Path BUILD = Path.of("target/fixtures").toAbsolutePath();

    private Fixtures() {
    }

    public static Path file(String relative) {
        return ROOT.resolve(relative);
    }

    public static String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line of {@code /* MARK:name *}{@code /} in a fixture source. */
    public static int line(String source, String mark) {
        List<String> lines = readLines(file(source));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("MARK:" + mark + " ") || lines.get(i).contains("MARK:" + mark + "*")) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no MARK:" + mark + " in " + source);
    }

    /** A gdb location {@code file.c:N} for a mark. */
    public static String location(String source, String mark) {
        return Path.of(source).getFileName() + ":" + line(source, mark);
    }

    /**
     * Compiles {@code fixtures/src/NAME.c} (or {@code .cpp}) with extra flags into {@code target/fixtures/NAME},
     * once per content; returns the executable. Libraries to link ({@code -lNAME}) go after the source, where the
     * linker wants them.
     */
    public static synchronized Path compile(String source, String... extraFlags) {
        String base = baseName(source);
        return build(source, base + (extraFlags.length == 0 ? "" : "-" + Math.abs(String.join(" ", extraFlags).hashCode())),
                List.of(extraFlags));
    }

    /**
     * Compiles {@code fixtures/src/NAME.c} into the shared library {@code target/fixtures/libNAME.so}, for a program
     * to link with {@code -L} {@link #libraryDir()} {@code -lNAME} or to open with dlopen.
     */
    public static synchronized Path sharedLibrary(String source) {
        return build(source, "lib" + baseName(source) + ".so", List.of("-shared", "-fPIC"));
    }

    /** Where {@link #sharedLibrary} puts libraries. */
    public static Path libraryDir() {
        return BUILD;
    }

    private static String baseName(String source) {
        return file(source).getFileName().toString().replaceFirst("\\.(c|cpp|cc)$", "");
    }

    private static Path build(String source, String outName, List<String> extraFlags) {
        Path src = file(source);
        Path out = BUILD.resolve(outName);
        try {
            Files.createDirectories(BUILD);
            if (Files.exists(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(src)) > 0) {
                return out;
            }
            boolean cpp = !src.toString().endsWith(".c");
            List<String> cmd = new ArrayList<>(List.of(cpp ? "g++" : "gcc", "-g", "-O0", "-fno-omit-frame-pointer"));
            extraFlags.stream().filter(f -> !f.startsWith("-l")).forEach(cmd::add);
            cmd.addAll(List.of("-o", out.toString(), src.toString()));
            extraFlags.stream().filter(f -> f.startsWith("-l")).forEach(cmd::add);
            cmd.add("-lpthread");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("compiling " + source + " failed: " + log);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
