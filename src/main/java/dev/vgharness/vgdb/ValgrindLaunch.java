package dev.vgharness.vgdb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to start under valgrind: {@code valgrind --vgdb=yes --vgdb-error=0 --vgdb-prefix=<private>/vgdb
 * <options> -- <argv>} in {@code cwd}, with {@code environment} added to the inherited one, stdin from a file
 * (or none), the target's stdout and stderr captured to files, and valgrind's own log ({@code --log-file}) to a
 * third, so that the target's stderr holds only what the target wrote.
 *
 * @param valgrind     the valgrind binary: a path, or a name looked up on PATH
 * @param options      extra valgrind options, for example {@code --leak-check=full}
 * @param argv         the program and its arguments, never passed through a shell
 * @param readyTimeout how long valgrind gets to create its gdbserver FIFO
 * @param deadline     the whole run's limit, after which the process tree is killed
 * @param gdbserver    whether valgrind waits for gdb in its gdbserver ({@code --vgdb=yes --vgdb-error=0}); without
 *     it ({@code --vgdb=no}) the program just runs, for a case where nothing would stop it
 */
public record ValgrindLaunch(
        String valgrind,
        List<String> options,
        List<String> argv,
        Path cwd,
        Map<String, String> environment,
        Optional<Path> stdin,
        Path stdout,
        Path stderr,
        Path log,
        Duration readyTimeout,
        Duration deadline,
        boolean gdbserver) {

    public ValgrindLaunch {
        Objects.requireNonNull(valgrind, "valgrind is null");
        options = List.copyOf(options);
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv is empty: name the program to run");
        }
        Objects.requireNonNull(cwd, "cwd is null");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(stdin, "stdin is null");
        Objects.requireNonNull(stdout, "stdout is null");
        Objects.requireNonNull(stderr, "stderr is null");
        Objects.requireNonNull(log, "log is null");
        Objects.requireNonNull(readyTimeout, "readyTimeout is null");
        Objects.requireNonNull(deadline, "deadline is null");
    }

    /**
     * {@code valgrind} from PATH, no extra options, the current directory, no stdin, output into
     * {@code captureDir/target.stdout} and {@code captureDir/target.stderr}, valgrind's log into
     * {@code captureDir/valgrind.log}, 30 s to get ready, 10 min in all.
     */
    public static ValgrindLaunch of(List<String> argv, Path captureDir) {
        return new ValgrindLaunch("valgrind", List.of(), argv, Path.of("").toAbsolutePath(), Map.of(), Optional.empty(),
                captureDir.resolve("target.stdout"), captureDir.resolve("target.stderr"),
                captureDir.resolve("valgrind.log"), Duration.ofSeconds(30), Duration.ofMinutes(10), true);
    }

    public ValgrindLaunch withValgrind(String binary) {
        return new ValgrindLaunch(binary, options, argv, cwd, environment, stdin, stdout, stderr, log,
                readyTimeout, deadline, gdbserver);
    }

    public ValgrindLaunch withOptions(List<String> extra) {
        return new ValgrindLaunch(valgrind, extra, argv, cwd, environment, stdin, stdout, stderr, log,
                readyTimeout, deadline, gdbserver);
    }

    public ValgrindLaunch withCwd(Path dir) {
        return new ValgrindLaunch(valgrind, options, argv, dir, environment, stdin, stdout, stderr, log,
                readyTimeout, deadline, gdbserver);
    }

    public ValgrindLaunch withEnvironment(Map<String, String> added) {
        return new ValgrindLaunch(valgrind, options, argv, cwd, added, stdin, stdout, stderr, log,
                readyTimeout, deadline, gdbserver);
    }

    public ValgrindLaunch withStdin(Path file) {
        return new ValgrindLaunch(valgrind, options, argv, cwd, environment, Optional.of(file), stdout, stderr,
                log, readyTimeout, deadline, gdbserver);
    }

    public ValgrindLaunch withTimeouts(Duration ready, Duration whole) {
        return new ValgrindLaunch(valgrind, options, argv, cwd, environment, stdin, stdout, stderr, log, ready, whole,
                gdbserver);
    }

    /** Valgrind alone ({@code --vgdb=no}): nothing will attach, so it neither waits for gdb nor makes FIFOs. */
    public ValgrindLaunch withoutGdbserver() {
        return new ValgrindLaunch(valgrind, options, argv, cwd, environment, stdin, stdout, stderr, log, readyTimeout,
                deadline, false);
    }
}
