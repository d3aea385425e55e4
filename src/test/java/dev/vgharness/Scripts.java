package dev.vgharness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the repository's shell scripts (launchers, the action's steps) as a user would, with a deadline. */
public final class Scripts {

    /** The repository's root (Maven runs the tests there). */
    public static final Path ROOT = Path.of("").toAbsolutePath();

    private Scripts() {
    }

    /** What a script did: its exit code, stdout and stderr. */
    public record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    /**
     * Runs {@code argv} in {@code dir} with exactly {@code environment}, no stdin, reaped within {@code seconds}.
     */
    public static Result run(Path dir, Map<String, String> environment, int seconds, List<String> argv)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("script-out", ".txt");
        Path err = Files.createTempFile("script-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process p = builder.start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
                throw new AssertionError(argv + " took longer than " + seconds + " s:\n" + Files.readString(err));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Writes an executable shell script {@code name} into {@code dir}. */
    public static Path executable(Path dir, String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** A folder of symbolic links to these programs of this machine's PATH, and nothing else (for a bare PATH). */
    public static Path pathOf(Path dir, String... programs) throws IOException {
        Files.createDirectories(dir);
        for (String program : programs) {
            Path real = dev.vgharness.vgdb.Executables.find(program)
                    .orElseThrow(() -> new AssertionError(program + " is not on this machine's PATH"));
            Files.createSymbolicLink(dir.resolve(program), real);
        }
        return dir;
    }

    /** True when this process runs as root (the launchers then print apt-get without sudo). */
    public static boolean root() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }
}
