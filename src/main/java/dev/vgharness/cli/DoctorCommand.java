package dev.vgharness.cli;

import dev.vgharness.vgdb.Doctor;
import dev.vgharness.vgdb.DoctorCheck;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vgharness doctor}: one line per check of valgrind, vgdb, gdb, ptrace and the temp directory; exit 0
 * when the harness can work here, 3 (infrastructure) when it cannot.
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

    @Override
    public Integer call() {
        List<DoctorCheck> checks = Doctor.check(Doctor.Setup.of(valgrind, gdb));
        PrintWriter out = spec.commandLine().getOut();
        checks.forEach(c -> out.println(c.line()));
        boolean works = Doctor.canWork(checks);
        out.println(works ? "vgharness can work here." : "vgharness cannot work here until the problems above are fixed.");
        out.flush();
        return works ? ExitCodes.PASSED : ExitCodes.INFRASTRUCTURE;
    }
}
