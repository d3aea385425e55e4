package dev.vgharness.repl;

import dev.vgharness.run.LeakCheckSeries;
import dev.vgharness.vgdb.GdbLaunch;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.PrivateDir;
import dev.vgharness.vgdb.ValgrindLaunch;
import dev.vgharness.vgdb.VgdbTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One program started by {@code :start}: valgrind with gdb attached exactly as {@code run} launches a case (private
 * vgdb prefix, XML report in a private capture directory, error stops silenced), the {@code monitor help} of that
 * valgrind, and the leak history for deltas. {@link #close()} leaves no valgrind, gdb or vgdb behind.
 */
final class Target implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(30);
    /** The REPL can sit at a prompt for long; the tree is still killed some day if the harness is lost. */
    private static final Duration WHOLE_RUN = Duration.ofHours(12);

    private final List<String> argv;
    private final PrivateDir capture;
    private final VgdbTarget target;
    private final MonitorHelp help;
    private final LeakCheckSeries leakChecks = new LeakCheckSeries();

    private Target(List<String> argv, PrivateDir capture, VgdbTarget target, MonitorHelp help) {
        this.argv = argv;
        this.capture = capture;
        this.target = target;
        this.help = help;
    }

    static Target start(ReplOptions options, List<String> argv) throws MiSessionException {
        PrivateDir capture = PrivateDir.create();
        try {
            VgdbTarget target = VgdbTarget.start(valgrindLaunch(options, argv, capture.path()), gdbLaunch(options, argv),
                    options.commandTimeout());
            try {
                MonitorHelp help = MonitorHelp.parse(target.gdb().monitor("help", options.commandTimeout()));
                return new Target(argv, capture, target, help);
            } catch (MiSessionException | RuntimeException e) {
                target.close();
                throw e;
            }
        } catch (MiSessionException | RuntimeException e) {
            capture.close();
            throw e;
        }
    }

    private static ValgrindLaunch valgrindLaunch(ReplOptions options, List<String> argv, Path capture) {
        return ValgrindLaunch.of(argv, capture).withValgrind(options.valgrind())
                .withOptions(List.of("--xml=yes", "--xml-file=" + capture.resolve("final.%p.xml"), "--leak-check=full",
                        "--show-leak-kinds=all"))
                .withCwd(options.cwd()).withTimeouts(READY, WHOLE_RUN);
    }

    private static GdbLaunch gdbLaunch(ReplOptions options, List<String> argv) {
        GdbLaunch launch = GdbLaunch.defaults().withGdb(options.gdb()).withCommandTimeout(options.commandTimeout())
                .withTraffic(options.traffic());
        Path program = options.cwd().resolve(argv.get(0));
        return Files.isRegularFile(program) ? launch.withProgram(program) : launch;
    }

    MiSession gdb() {
        return target.gdb();
    }

    long pid() {
        return target.valgrind().pid();
    }

    List<String> argv() {
        return argv;
    }

    MonitorHelp help() {
        return help;
    }

    LeakCheckSeries leakChecks() {
        return leakChecks;
    }

    /**
     * Valgrind's XML report of the program started, complete once valgrind has ended. Each process writes its own
     * ({@code final.%p.xml}): a forked child's would otherwise overwrite the program's.
     */
    Path xmlReport() {
        return capture.path().resolve("final." + pid() + ".xml");
    }

    /** The program's standard output as captured so far. */
    Path stdout() {
        return target.valgrind().stdoutFile();
    }

    /** Waits for valgrind to end (after the program exited it still writes its XML report). */
    void waitForValgrind(Duration limit) {
        target.valgrind().waitFor(limit);
    }

    @Override
    public void close() {
        try {
            target.close();
        } finally {
            capture.close();
        }
    }
}
