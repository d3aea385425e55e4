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
import java.util.ArrayList;
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
    private final ProcessSessions processes;
    private volatile ProcessSessions.Member current;

    private Target(List<String> argv, PrivateDir capture, VgdbTarget target, MonitorHelp help,
            ProcessSessions processes) {
        this.argv = argv;
        this.capture = capture;
        this.target = target;
        this.help = help;
        this.processes = processes;
        this.current = processes.program();
    }

    static Target start(ReplOptions options, List<String> argv) throws MiSessionException {
        PrivateDir capture = PrivateDir.create();
        try {
            GdbLaunch gdb = gdbLaunch(options, argv);
            VgdbTarget target = VgdbTarget.start(valgrindLaunch(options, argv, capture.path()), gdb,
                    options.commandTimeout());
            try {
                MonitorHelp help = MonitorHelp.parse(target.gdb().monitor("help", options.commandTimeout()));
                ProcessSessions processes = new ProcessSessions(target.valgrind(), target.gdb(), argv,
                        gdbBase(options), options.commandTimeout());
                return new Target(argv, capture, target, help, processes);
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
        List<String> valgrindOptions = new ArrayList<>(List.of("--xml=yes",
                "--xml-file=" + capture.resolve("final.%p.xml"), "--leak-check=full", "--show-leak-kinds=all"));
        if (options.traceChildren()) {
            valgrindOptions.add("--trace-children=yes");
        }
        return ValgrindLaunch.of(argv, capture).withValgrind(options.valgrind()).withOptions(valgrindOptions)
                .withCwd(options.cwd()).withTimeouts(READY, WHOLE_RUN);
    }

    /** gdb as the REPL starts it, without a program yet. */
    private static GdbLaunch gdbBase(ReplOptions options) {
        return GdbLaunch.defaults().withGdb(options.gdb()).withCommandTimeout(options.commandTimeout())
                .withTraffic(options.traffic());
    }

    private static GdbLaunch gdbLaunch(ReplOptions options, List<String> argv) {
        GdbLaunch launch = gdbBase(options);
        Path program = options.cwd().resolve(argv.get(0));
        return Files.isRegularFile(program) ? launch.withProgram(program) : launch;
    }

    /** gdb of the process the REPL talks to ({@code :process PID}). */
    MiSession gdb() {
        return current.gdb;
    }

    /** The program's valgrind. */
    long pid() {
        return target.valgrind().pid();
    }

    /** The process the REPL talks to: the program's until {@code :process PID}. */
    long currentPid() {
        return current.pid;
    }

    /** Every process of the target, new traced children looked for first. */
    List<ProcessSessions.Member> processes() {
        return processes.all();
    }

    /**
     * Talks to {@code pid} from now on, attaching gdb to it on first use; {@code leaving} is the state of the
     * process left, the answer the state of the one switched to.
     */
    TargetState select(long pid, TargetState leaving) throws ReplException, MiSessionException {
        ProcessSessions.Member next = processes.member(pid);
        processes.attach(next);
        current.state = leaving;
        current = next;
        return next.state;
    }

    List<String> argv() {
        return argv;
    }

    MonitorHelp help() {
        return help;
    }

    LeakCheckSeries leakChecks() {
        return current.leakChecks;
    }

    /**
     * Valgrind's XML report of the program started, complete once valgrind has ended. Each process writes its own
     * ({@code final.%p.xml}): a forked child's would otherwise overwrite the program's.
     */
    Path xmlReport() {
        return capture.path().resolve("final." + currentPid() + ".xml");
    }

    /** The program's standard output as captured so far. */
    Path stdout() {
        return target.valgrind().stdoutFile();
    }

    /** Waits for valgrind to end (after the program exited it still writes its XML report). */
    void waitForValgrind(Duration limit) {
        if (currentPid() == pid()) {
            target.valgrind().waitFor(limit);
            return;
        }
        long end = System.nanoTime() + limit.toNanos();
        // A traced child is the program's child, not the harness's: once ended it may stay a zombie, unreaped.
        while (!ProcessSessions.ended(currentPid()) && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            processes.close();
            target.close();
        } finally {
            capture.close();
        }
    }
}
