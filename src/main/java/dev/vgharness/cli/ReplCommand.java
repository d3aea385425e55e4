package dev.vgharness.cli;

import dev.vgharness.repl.Repl;
import dev.vgharness.repl.ReplOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vgharness repl [--valgrind V] [--gdb G] [--command-timeout D] [-- PROG ARGS]}: the interactive session, or
 * a scripted one when stdin is not a terminal.
 */
@Command(name = "repl", mixinStandardHelpOptions = true,
        description = {"Interactive session: gdb commands, monitor commands with parsed answers.",
            "Without a terminal, commands are read from stdin, one per line."},
        footer = {"", "Commands: :start [-- PROG ARGS], :break LOC, :continue, :json on|off, :report FILE,"
            + " :processes, :process PID, :help, :quit; monitor CMD or a monitor word (leak_check, block_list,"
            + " who_points_at, v.info ...);"
            + " anything else goes to gdb. --command-timeout is the deadline of each, :continue included.",
            "", "Exit codes: 0 every command succeeded, 1 a command failed (each failure is one 'error:' line on"
                + " stderr), 2 bad usage."})
final class ReplCommand implements Callable<Integer> {

    @Mixin
    ToolOptions tools = new ToolOptions();

    @Option(names = "--trace-children", description = "follow PROG into the programs its children exec"
            + " (valgrind --trace-children=yes): :processes lists them, :process PID talks to one")
    boolean traceChildren;

    @Parameters(paramLabel = "PROG", arity = "0..*", description = "the program and its arguments (after --)")
    List<String> program = new ArrayList<>();

    @Override
    public Integer call() {
        ReplOptions options = ReplOptions.defaults().withTools(tools.valgrind, tools.gdb.gdb).withProgram(program)
                .withCommandTimeout(tools.gdb.commandTimeout).withTraceChildren(traceChildren);
        if (tools.gdb.verbose) {
            options = options.withTraffic(System.err::println);
        }
        return Repl.run(options, VgharnessCommand.Version.number());
    }
}
