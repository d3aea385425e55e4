package dev.vgharness.cli;

import picocli.CommandLine.Command;

/** {@code vgharness parse mi|memcheck}: turns recorded text into JSON. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse GDB/MI or Memcheck text into JSON.",
        subcommands = {ParseMiCommand.class, ParseMemcheckCommand.class})
final class ParseCommand {

    @picocli.CommandLine.ParentCommand
    VgharnessCommand root;

    /** The streams of the command line (the process's when run on its own). */
    Console console() {
        return root == null ? Console.system() : root.console();
    }
}
