package dev.vgharness.cli;

import dev.vgharness.plan.DurationText;
import dev.vgharness.repl.Repl;
import dev.vgharness.repl.ReplOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vgharness repl [--valgrind V] [--gdb G] [--timeout D] [-- PROG ARGS]}: the interactive session, or a
 * scripted one when stdin is not a terminal.
 */
@Command(name = "repl", mixinStandardHelpOptions = true,
        description = {"Interactive session: gdb commands, monitor commands with parsed answers.",
            "Without a terminal, commands are read from stdin, one per line.",
            "Exit status: 0 every command succeeded, 1 a command failed (each failure is one 'error:' line on"
                + " stderr), 2 bad usage."},
        footer = {"", "Commands: :start [-- PROG ARGS], :break LOC, :continue, :json on|off, :report FILE, :help,"
            + " :quit; monitor CMD or a monitor word (leak_check, block_list, who_points_at, v.info ...);"
            + " anything else goes to gdb."})
final class ReplCommand implements Callable<Integer> {

    @Option(names = "--valgrind", paramLabel = "PATH", defaultValue = "valgrind", description = "valgrind to use")
    String valgrind;

    @Option(names = "--gdb", paramLabel = "PATH", defaultValue = "gdb", description = "gdb to use")
    String gdb;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "deadline of every command, :continue included (default 60s)")
    String timeout;

    @Option(names = {"-v", "--verbose"}, description = "show every MI command and answer on stderr")
    boolean verbose;

    @Parameters(paramLabel = "PROG", arity = "0..*", description = "the program and its arguments (after --)")
    List<String> program = new ArrayList<>();

    @Override
    public Integer call() {
        ReplOptions options = ReplOptions.defaults().withTools(valgrind, gdb).withProgram(program)
                .withCommandTimeout(DurationText.parse(timeout).orElseThrow(() -> new ExitCodes.UsageException(
                        "--timeout: '" + timeout + "' is not a duration (use e.g. 500ms, 90s, 5m)")));
        if (verbose) {
            options = options.withTraffic(System.err::println);
        }
        return Repl.run(options, VgharnessCommand.Version.number());
    }
}
