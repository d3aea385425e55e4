package dev.vgharness.cli;

import dev.vgharness.vgdb.Doctor;
import dev.vgharness.vgdb.DoctorCheck;
import java.io.Console;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vgharness doctor}: one line per check of valgrind, vgdb, gdb, ptrace and the temp directory; exit 0
 * when the harness can work here, 3 (infrastructure) when it cannot. {@code --fix} first installs the missing tools
 * ({@link ToolInstall}), asking on a terminal unless {@code --yes}.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Checks valgrind, vgdb, gdb, ptrace and the temp directory; prints versions.")
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--valgrind", paramLabel = "PATH", description = "the valgrind to use (default: from PATH)")
    String valgrind = "valgrind";

    @Option(names = "--gdb", paramLabel = "PATH", description = "the gdb to use (default: from PATH)")
    String gdb = "gdb";

    @Option(names = "--fix", description = "install the missing valgrind, gdb and gcc with apt-get (sudo when not"
            + " root), asking first on a terminal; then check")
    boolean fix;

    @Option(names = {"-y", "--yes"}, description = "with --fix: install without asking")
    boolean yes;

    @Override
    public Integer call() {
        if (fix && !fix(ToolInstall.here())) {
            return ExitCodes.INFRASTRUCTURE;
        }
        List<DoctorCheck> checks = Doctor.check(Doctor.Setup.of(valgrind, gdb));
        PrintWriter out = spec.commandLine().getOut();
        checks.forEach(c -> out.println(c.line()));
        boolean works = Doctor.canWork(checks);
        out.println(works ? "vgharness can work here." : "vgharness cannot work here until the problems above are fixed.");
        out.flush();
        return works ? ExitCodes.PASSED : ExitCodes.INFRASTRUCTURE;
    }

    /** Installs what is missing; false when the user declined. */
    boolean fix(ToolInstall install) {
        PrintWriter out = spec.commandLine().getOut();
        List<String> missing = install.missing();
        if (missing.isEmpty()) {
            out.println("vgharness: " + String.join(", ", ToolInstall.TOOLS) + " are installed: nothing to fix");
            return true;
        }
        boolean installed = install.install(missing, this::confirm, out);
        if (!installed) {
            out.println("vgharness: nothing installed");
        }
        out.flush();
        return installed;
    }

    /** On a terminal (stdin and stdout) the user says yes to the command first, unless --yes. */
    private boolean confirm(String command) {
        Console console = System.console();
        if (yes || console == null) {
            return true;
        }
        String answer = console.readLine("Run %s? [y/N] ", command);
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
