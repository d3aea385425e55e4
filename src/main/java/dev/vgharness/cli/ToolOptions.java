package dev.vgharness.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of every command that drives valgrind and gdb ({@code run}, {@code check}, {@code repl}). */
final class ToolOptions {

    @Mixin
    GdbOptions gdb = new GdbOptions();

    @Option(names = "--valgrind", paramLabel = "PATH", defaultValue = "valgrind",
            description = "valgrind to use (default: from PATH)")
    String valgrind;
}
