package dev.vgharness.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every command that drives valgrind and gdb shares ({@code run}, {@code check}, {@code repl}). */
final class ToolOptions {

    static final String DEFAULT_COMMAND_TIMEOUT = "60s";

    @Option(names = "--valgrind", paramLabel = "PATH", defaultValue = "valgrind",
            description = "valgrind to use (default: from PATH)")
    String valgrind;

    @Option(names = "--gdb", paramLabel = "PATH", defaultValue = "gdb", description = "gdb to use (default: from PATH)")
    String gdb;

    @Option(names = "--command-timeout", paramLabel = "DURATION", defaultValue = DEFAULT_COMMAND_TIMEOUT,
            converter = Converters.PositiveDuration.class,
            description = "deadline of every MI and monitor command (default ${DEFAULT-VALUE})")
    Duration commandTimeout;

    @Option(names = {"-v", "--verbose"}, description = "more detail on stderr: every MI command and answer, stack"
            + " traces")
    boolean verbose;
}
