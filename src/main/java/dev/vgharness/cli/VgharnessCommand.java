package dev.vgharness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: lists the subcommands and nothing else. */
@Command(name = "vgharness",
        mixinStandardHelpOptions = true,
        versionProvider = VgharnessCommand.Version.class,
        description = "Automated leak hunting with Valgrind Memcheck and gdb.",
        subcommands = {RunCommand.class, CheckCommand.class, WatchCommand.class, ReplCommand.class, MergeCommand.class,
            ParseCommand.class, DoctorCommand.class})
final class VgharnessCommand {

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new VgharnessCommand());
        cl.setExecutionExceptionHandler(new ExitCodes.ExceptionHandler());
        cl.setParameterExceptionHandler(new ExitCodes.UsageHandler());
        return cl;
    }

    /** The version from the build (resource filtered by Maven). */
    static final class Version implements CommandLine.IVersionProvider {
        static String number() {
            try (InputStream in = VgharnessCommand.class.getResourceAsStream("/dev/vgharness/version.properties")) {
                Properties p = new Properties();
                if (in != null) {
                    p.load(in);
                }
                return p.getProperty("version", "unknown");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String[] getVersion() {
            return new String[] {"vgharness " + number()};
        }
    }
}
