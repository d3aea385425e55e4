package dev.vgharness.cli;

import picocli.CommandLine.Command;

/** {@code vgharness parse mi|memcheck}: turns recorded text into JSON. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse GDB/MI or Memcheck text into JSON.",
        subcommands = {ParseMiCommand.class, ParseMemcheckCommand.class})
final class ParseCommand {
}
