package dev.vgharness.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The gdb options of every command that drives gdb ({@code run}, {@code check}, {@code repl}, {@code watch}). */
final class GdbOptions {

    @Option(names = "--gdb", paramLabel = "PATH", defaultValue = "gdb", description = "gdb to use (default: from PATH)")
    String gdb;

    @Option(names = "--command-timeout", paramLabel = "DURATION", defaultValue = "60s",
            converter = Converters.PositiveDuration.class,
            description = "deadline of every MI and monitor command (default ${DEFAULT-VALUE})")
    Duration commandTimeout;

    @Option(names = {"-v", "--verbose"}, description = "more detail on stderr: every MI command and answer, stack"
            + " traces")
    boolean verbose;
}
