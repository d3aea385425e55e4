package dev.vgharness.vgdb;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * A program running under {@code valgrind --vgdb=yes --vgdb-error=0 --vgdb-prefix=<private dir>/vgdb}, stopped
 * in its gdbserver before the first instruction and ready for {@code target remote | vgdb --pid=N}: ready
 * means valgrind created its last FIFO, {@code <dir>/vgdb-from-vgdb-to-4242-by-root-on-box}. It runs in its own
 * session (through {@code setsid}), is registered with {@link ChildReaper}, and {@link #close()} ends the whole
 * tree (SIGTERM, grace, SIGKILL), reaps it and removes the private directory. Without a gdbserver
 * ({@link ValgrindLaunch#withoutGdbserver()}) the program runs at once and nothing waits for a FIFO.
 */
public final class ValgrindProcess implements AutoCloseable {

    private static final Pattern READY_FIFO = Pattern.compile("vgdb-from-vgdb-to-(\\d+)-by-.*");
    private static final Duration REAP_LIMIT = Duration.ofSeconds(5);
    private static final Duration PUMP_LIMIT = Duration.ofSeconds(3);
    /** How often {@link #awaitGroupEnd} looks: each look reads every process's /proc stat. */
    private static final long GROUP_LOOK_MS = 100;

    private final PrivateDir dir;
    private final Path vgdb;
    private final Map<String, String> environment;
    private final Process process;
    private final ProcessHandle valgrind;
    private final ProcessEnd result;
    private final ChildReaper.Registration registration;
    private final Duration readyLatency;
    private final ValgrindLaunch launch;

    private ValgrindProcess(Started started, ProcessHandle valgrind, Duration readyLatency) {
        this.launch = started.launch;
        this.dir = started.dir;
        this.vgdb = started.vgdb;
        this.environment = started.environment;
        this.process = started.process;
        this.result = started.result;
        this.registration = started.registration;
        this.valgrind = valgrind;
        this.readyLatency = readyLatency;
    }

    /** What exists between starting the process and seeing its FIFO. */
    private record Started(ValgrindLaunch launch, PrivateDir dir, Path vgdb, Map<String, String> environment,
            Process process, ProcessEnd result, ChildReaper.Registration registration, long startNanos) {
    }

    /**
     * Starts the launch and waits until valgrind's gdbserver is ready.
     *
     * @throws HarnessException when valgrind or the program is missing, or the FIFO does not appear in time
     *     (the message then ends with the tail of valgrind's stderr)
     */
    public static ValgrindProcess start(ValgrindLaunch launch) {
        Objects.requireNonNull(launch, "launch is null");
        Map<String, String> environment = VgdbEnvironment.build(launch.environment());
        String path = environment.get("PATH");
        Path valgrind = Executables.find(launch.valgrind(), path, launch.cwd()).orElseThrow(() ->
                HarnessException.missingTool("valgrind", "not found (looked for '" + launch.valgrind() + "')"));
        Path program = checkProgram(launch.argv().get(0), path, launch.cwd());
        PrivateDir dir = PrivateDir.create();
        Started started;
        try {
            started = launchProcess(launch, dir, valgrind, program, environment);
        } catch (RuntimeException e) {
            dir.close();
            throw e;
        }
        try {
            long pid = launch.gdbserver() ? awaitReadyFifo(started) : started.process.pid();
            Duration latency = Duration.ofNanos(System.nanoTime() - started.startNanos);
            ProcessHandle handle = pid == started.process.pid() ? started.process.toHandle()
                    : ProcessHandle.of(pid).orElse(started.process.toHandle());
            return new ValgrindProcess(started, handle, latency);
        } catch (RuntimeException e) {
            shutDown(started.process, started.result, started.registration, dir);
            throw e;
        }
    }

    private static Path checkProgram(String name, String path, Path cwd) {
        Optional<Path> found = Executables.find(name, path, cwd);
        if (found.isPresent()) {
            return found.get();
        }
        if (!name.contains("/")) {
            throw HarnessException.badProgram("program not found on PATH: " + name
                    + ": give its path (./" + name + ") or build it first");
        }
        Path p = cwd.resolve(name).toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw HarnessException.badProgram("program not found: " + p + ": check the path or build it first");
        }
        throw HarnessException.badProgram("program is not an executable file: " + p
                + ": build it or make it executable (chmod +x)");
    }

    private static Started launchProcess(ValgrindLaunch launch, PrivateDir dir, Path valgrind, Path program,
            Map<String, String> environment) {
        List<String> argv = commandLine(launch, dir, valgrind, program, environment.get("PATH"));
        try (ChildReaper.Start start = ChildReaper.beginStart()) {
            createParent(launch.stdout());
            createParent(launch.stderr());
            OutputStream out = Files.newOutputStream(launch.stdout());
            OutputStream err = Files.newOutputStream(launch.stderr());
            InputStream in = launch.stdin().isPresent() ? new FileInputStream(launch.stdin().get().toFile()) : null;
            PumpStreamHandler streams = new PumpStreamHandler(out, err, in);
            streams.setStopTimeout(Duration.ofSeconds(2));
            TreeWatchdog watchdog = new TreeWatchdog(launch.deadline());
            DefaultExecutor executor = DefaultExecutor.builder().setExecuteStreamHandler(streams)
                    .setWorkingDirectory(launch.cwd().toFile()).get();
            executor.setWatchdog(watchdog);
            executor.setExitValues(null);
            ProcessEnd result = new ClosingResultHandler(out, err, in);
            long startNanos = System.nanoTime();
            executor.execute(ShortCommand.commandLine(argv), environment, result);
            Process process = watchdog.started().get(launch.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
            ChildReaper.Registration registration = start.register(process.toHandle(), dir::close);
            Path vgdb = Toolchain.vgdbFor(valgrind, environment.get("PATH"));
            return new Started(launch, dir, vgdb, environment, process, result, registration, startNanos);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw HarnessException.failed("cannot start " + valgrind + ": " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HarnessException.failed("interrupted while starting " + valgrind, e);
        }
    }

    /**
     * {@code [setsid --wait] valgrind --vgdb=yes --vgdb-error=0 --vgdb-prefix=P --log-file=L <options> -- <program>
     * <args>}, or {@code --vgdb=no} instead of the three vgdb options for valgrind alone.
     */
    private static List<String> commandLine(ValgrindLaunch launch, PrivateDir dir, Path valgrind, Path program,
            String path) {
        List<String> argv = new ArrayList<>();
        // setsid puts valgrind in its own session and process group without a shell; a JVM child is never a
        // group leader, so setsid execs in place and the pid stays valgrind's own.
        Executables.find("setsid", path, launch.cwd()).ifPresent(setsid -> argv.addAll(List.of(setsid.toString(), "--wait")));
        argv.add(valgrind.toString());
        argv.addAll(launch.gdbserver() ? List.of("--vgdb=yes", "--vgdb-error=0", "--vgdb-prefix=" + dir.vgdbPrefix())
                : List.of("--vgdb=no"));
        argv.add("--log-file=" + launch.log());
        argv.addAll(launch.options());
        argv.add("--");
        argv.add(program.toString());
        argv.addAll(launch.argv().subList(1, launch.argv().size()));
        return argv;
    }

    private static long awaitReadyFifo(Started started) {
        long end = started.startNanos + started.launch.readyTimeout().toNanos();
        while (true) {
            Optional<Long> pid = readyPid(started.dir.path());
            if (pid.isPresent()) {
                return pid.get();
            }
            if (!started.process.isAlive()) {
                awaitPumps(started.result);
                throw HarnessException.failed("valgrind ended before its gdbserver was ready ("
                        + ProcessExit.fromJava(started.process.exitValue()) + "): "
                        + stderrTail(started.launch), null);
            }
            if (System.nanoTime() > end) {
                throw HarnessException.timeout("valgrind's gdbserver FIFO did not appear in "
                        + started.dir.path() + " within " + started.launch.readyTimeout().toMillis()
                        + " ms (raise the start-up timeout): " + stderrTail(started.launch));
            }
            ProcessTree.sleepQuietly(5);
        }
    }

    private static void awaitPumps(ProcessEnd result) {
        try {
            result.waitFor(PUMP_LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Long> readyPid(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> READY_FIFO.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches).map(m -> Long.parseLong(m.group(1))).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The last lines of valgrind's log and stderr (bad options are reported before the log is opened), on one line,
     * for error messages.
     */
    static String stderrTail(ValgrindLaunch launch) {
        List<String> lines = new ArrayList<>();
        for (Path file : List.of(launch.log(), launch.stderr())) {
            try {
                if (Files.exists(file)) {
                    lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                lines.add("(" + file + " is unreadable)");
            }
        }
        List<String> tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
        return tail.isEmpty() ? "(valgrind printed nothing)" : "valgrind said: " + String.join(" | ", tail).strip();
    }

    /** Valgrind's pid, the {@code N} of {@code vgdb --pid=N}. */
    public long pid() {
        return valgrind.pid();
    }

    /** The {@code --vgdb-prefix} given to valgrind; vgdb needs the same one. */
    public Path vgdbPrefix() {
        return dir.vgdbPrefix();
    }

    /** The vgdb binary that goes with this valgrind (next to it, else from PATH). */
    public Path vgdb() {
        return vgdb;
    }

    /** The whole environment valgrind got; start gdb and vgdb with it, or vgdb will not find the FIFOs. */
    public Map<String, String> vgdbEnvironment() {
        return environment;
    }

    /** {@code [vgdb, --vgdb-prefix=P, --pid=N]}: append monitor words for a standalone command. */
    public List<String> vgdbCommand() {
        return List.of(vgdb.toString(), "--vgdb-prefix=" + vgdbPrefix(), "--pid=" + pid());
    }

    /**
     * The MI attach command, unquoted as gdb needs it:
     * {@code -target-select remote | exec vgdb --vgdb-prefix=P --pid=N}. gdb runs the pipe through
     * {@code $SHELL -c} ({@code /bin/sh}, see {@link MiSession}); dash forks for it where bash execs, and {@code exec}
     * keeps vgdb gdb's own child, which gdb ends when it closes the connection.
     */
    public String targetSelectCommand() {
        return "-target-select remote | exec " + String.join(" ", vgdbCommand());
    }

    /**
     * The attach command for another process of this run that waits in its own gdbserver under the same prefix: a
     * child Valgrind traced into an exec ({@code --trace-children=yes}).
     */
    public String targetSelectCommand(long otherPid) {
        return "-target-select remote | exec " + vgdb + " --vgdb-prefix=" + vgdbPrefix() + " --pid=" + otherPid;
    }

    /** The folder the gdbserver FIFOs of every process of this run appear in. */
    public Path vgdbFolder() {
        return dir.path();
    }

    /**
     * The pids of the processes whose gdbserver FIFOs are in {@link #vgdbFolder()} now: the program's, and each
     * child traced into an exec once it waits for gdb. Empty once the folder is gone.
     */
    public List<Long> gdbserverPids() {
        try (Stream<Path> files = Files.list(dir.path())) {
            return files.map(f -> READY_FIFO.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches).map(m -> Long.parseLong(m.group(1))).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Waits up to {@code limit} for the other processes of valgrind's process group (children that outlived it) to
     * end; returns the pids still running then (empty when none is left), which {@link #close()} kills.
     */
    public List<Long> awaitGroupEnd(Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            List<Long> left = ProcessTree.group(valgrind.pid()).stream().map(ProcessHandle::pid).toList();
            if (left.isEmpty() || System.nanoTime() > end) {
                return left;
            }
            ProcessTree.sleepQuietly(GROUP_LOOK_MS);
        }
    }

    /** Time from starting the process to seeing the ready FIFO. */
    public Duration readyLatency() {
        return readyLatency;
    }

    public Path stdoutFile() {
        return launch.stdout();
    }

    /** Valgrind's own log ({@code --log-file}). */
    public Path logFile() {
        return launch.log();
    }

    public boolean isAlive() {
        return valgrind.isAlive();
    }

    /** Waits up to {@code limit} for the end of the process; empty when it is still running. */
    public Optional<ProcessExit> waitFor(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        // Let the pumps finish the capture files; a leftover child holding the pipes only delays this.
        awaitPumps(result);
        // From the process itself: commons-exec reports a pump that outlived its stop timeout as a failure
        // with no exit value.
        return Optional.of(ProcessExit.fromJava(process.exitValue()));
    }

    /** Valgrind's resident memory in kB (VmRSS), empty once it has ended. */
    public OptionalLong rssKb() {
        return ProcessTree.rssKb(pid());
    }

    /** Ends the whole process tree now: SIGTERM, a short grace, SIGKILL. */
    public void kill() {
        ProcessTree.terminate(process.toHandle(), ProcessTree.DEFAULT_GRACE);
    }

    /** Kills what is still running, reaps it, removes the private directory and unregisters. */
    @Override
    public void close() {
        shutDown(process, result, registration, dir);
    }

    private static void shutDown(Process process, ProcessEnd result,
            ChildReaper.Registration registration, PrivateDir dir) {
        try {
            ProcessTree.terminate(process.toHandle(), ProcessTree.DEFAULT_GRACE);
            result.waitFor(REAP_LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            registration.close();
            dir.close();
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public String toString() {
        return "valgrind pid " + pid() + " (prefix " + vgdbPrefix() + ")";
    }

    /** Closes the capture files once commons-exec has reaped the process and stopped its pumps. */
    private static final class ClosingResultHandler extends ProcessEnd {
        private final List<AutoCloseable> streams = new ArrayList<>();

        ClosingResultHandler(OutputStream out, OutputStream err, InputStream in) {
            streams.add(out);
            streams.add(err);
            if (in != null) {
                streams.add(in);
            }
        }

        @Override
        public void onProcessComplete(int exitValue) {
            closeStreams();
            super.onProcessComplete(exitValue);
        }

        @Override
        public void onProcessFailed(org.apache.commons.exec.ExecuteException e) {
            closeStreams();
            super.onProcessFailed(e);
        }

        private void closeStreams() {
            for (AutoCloseable s : streams) {
                try {
                    s.close();
                } catch (Exception e) {
                    // A capture file that fails to close loses at most its last buffered bytes.
                }
            }
        }
    }
}
