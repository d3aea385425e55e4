package dev.vgharness.repl;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * How the REPL starts its targets: {@code vgharness repl --valgrind V --gdb G --timeout 60s -- ./leaky 3}.
 *
 * @param program the program and its arguments to {@code :start} without arguments (may be empty)
 * @param commandTimeout the deadline of every gdb and monitor command, and of a {@code :continue}
 * @param history the JLine history file ({@code ~/.vgharness_history})
 * @param traffic every MI line, for {@code -v}
 * @param traceChildren whether valgrind follows the program into what its children exec
 *     ({@code --trace-children=yes}; {@code :processes} and {@code :process PID} reach them)
 */
public record ReplOptions(String valgrind, String gdb, Duration commandTimeout, List<String> program, Path cwd,
        Path history, Consumer<String> traffic, boolean traceChildren) {

    public ReplOptions {
        requireNonNull(valgrind, "valgrind is null");
        requireNonNull(gdb, "gdb is null");
        requireNonNull(commandTimeout, "commandTimeout is null");
        program = List.copyOf(program);
        requireNonNull(cwd, "cwd is null");
        requireNonNull(history, "history is null");
        requireNonNull(traffic, "traffic is null");
    }

    /** valgrind and gdb from PATH, 60 s per command, no program, the current directory, the home history file. */
    public static ReplOptions defaults() {
        return new ReplOptions("valgrind", "gdb", Duration.ofSeconds(60), List.of(), Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("user.home"), ".vgharness_history"), line -> { }, false);
    }

    public ReplOptions withTools(String valgrindPath, String gdbPath) {
        return new ReplOptions(valgrindPath, gdbPath, commandTimeout, program, cwd, history, traffic, traceChildren);
    }

    public ReplOptions withCommandTimeout(Duration timeout) {
        return new ReplOptions(valgrind, gdb, timeout, program, cwd, history, traffic, traceChildren);
    }

    public ReplOptions withProgram(List<String> argv) {
        return new ReplOptions(valgrind, gdb, commandTimeout, argv, cwd, history, traffic, traceChildren);
    }

    public ReplOptions withHistory(Path file) {
        return new ReplOptions(valgrind, gdb, commandTimeout, program, cwd, file, traffic, traceChildren);
    }

    public ReplOptions withTraffic(Consumer<String> log) {
        return new ReplOptions(valgrind, gdb, commandTimeout, program, cwd, history, log, traceChildren);
    }

    public ReplOptions withTraceChildren(boolean on) {
        return new ReplOptions(valgrind, gdb, commandTimeout, program, cwd, history, traffic, on);
    }
}
