package dev.vgharness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The root command: lists the subcommands and nothing else. */
@Command(name = "vgharness",
        mixinStandardHelpOptions = true,
        versionProvider = VgharnessCommand.Version.class,
        description = "Automated leak hunting with Valgrind Memcheck and gdb.",
        footer = {"", "Run 'vgharness help COMMAND' or 'vgharness COMMAND --help' for a command's options."})
final class VgharnessCommand {

    private final Console console;

    VgharnessCommand(Console console) {
        this.console = console;
    }

    /** The streams this command line runs on. */
    Console console() {
        return console;
    }

    /** The subcommands by name, in the order help lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("init", InitCommand::new);
        commands.put("run", RunCommand::new);
        commands.put("check", CheckCommand::new);
        commands.put("watch", WatchCommand::new);
        commands.put("repl", ReplCommand::new);
        commands.put("merge", MergeCommand::new);
        commands.put("parse", ParseCommand::new);
        commands.put("doctor", DoctorCommand::new);
        commands.put("schema", SchemaCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return commands;
    }

    /** The whole command line, every subcommand, on the process's streams. */
    static CommandLine commandLine() {
        return commandLine(Console.system(), SUBCOMMANDS.keySet());
    }

    /**
     * The command line for {@code args}: only the subcommand they name, when they start with one, since picocli
     * reflects over every registered command at start-up; all of them otherwise (help, a mistyped name).
     */
    static CommandLine commandLine(Console console, String... args) {
        boolean named = args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("help");
        return commandLine(console, named ? Set.of(args[0]) : SUBCOMMANDS.keySet());
    }

    private static CommandLine commandLine(Console console, Set<String> names) {
        CommandLine cl = new CommandLine(new VgharnessCommand(console));
        SUBCOMMANDS.forEach((name, command) -> {
            if (names.contains(name)) {
                cl.addSubcommand(name, command.get());
            }
        });
        if (cl.getSubcommands().containsKey("check")) {
            // check -- PROG -x: everything from PROG on is the program's, options included
            cl.getSubcommands().get("check").setStopAtPositional(true);
        }
        cl.setOut(console.outWriter());
        cl.setErr(console.errWriter());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ExitCodes.ExceptionHandler());
        cl.setParameterExceptionHandler(new ExitCodes.UsageHandler());
        return cl;
    }

    /** The version and git revision from the build (version.properties, filtered by Maven). */
    static final class Version implements CommandLine.IVersionProvider {
        static String number() {
            return property("version");
        }

        /** The short git hash the jar was built from, "-dirty" with changes, "unknown" outside a git checkout. */
        static String revision() {
            return property("revision");
        }

        private static String property(String key) {
            try (InputStream in = VgharnessCommand.class.getResourceAsStream("/dev/vgharness/version.properties")) {
                Properties p = new Properties();
                if (in != null) {
                    p.load(in);
                }
                return p.getProperty(key, "unknown");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String[] getVersion() {
            return new String[] {"vgharness " + number() + " (git revision " + revision() + ")"};
        }
    }
}
