package dev.vgharness.vgdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * A short command run to completion through commons-exec with a deadline, its output kept in memory: tool
 * versions ({@code valgrind --version} prints {@code valgrind-3.19.0}), standalone
 * {@code vgdb --pid=N v.info n_errs_found}, {@code kill}. Never through a shell.
 */
public final class ShortCommand {

    private ShortCommand() {
    }

    /** What a finished (or timed-out) short command printed. */
    public record Result(List<String> argv, int exitCode, boolean timedOut, String stdout, String stderr) {
        public Result {
            argv = List.copyOf(argv);
            Objects.requireNonNull(stdout, "stdout is null");
            Objects.requireNonNull(stderr, "stderr is null");
        }

        public boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        /** The first line of stdout, or of stderr when stdout is empty. */
        public String firstLine() {
            String text = stdout.isBlank() ? stderr : stdout;
            return text.strip().lines().findFirst().orElse("");
        }
    }

    /**
     * Runs {@code argv} with {@code environment} (the whole environment, or null to inherit the JVM's), no
     * stdin, and kills it (its whole tree) when {@code deadline} passes.
     *
     * @throws HarnessException when the program cannot be started at all
     */
    public static Result run(List<String> argv, Map<String, String> environment, Duration deadline) {
        return run(argv, environment, null, deadline);
    }

    /** Like {@link #run(List, Map, Duration)}, in the directory {@code cwd} (null: the JVM's). */
    public static Result run(List<String> argv, Map<String, String> environment, java.nio.file.Path cwd,
            Duration deadline) {
        Objects.requireNonNull(argv, "argv is null");
        Objects.requireNonNull(deadline, "deadline is null");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        TreeWatchdog watchdog = new TreeWatchdog(deadline);
        DefaultExecutor executor = DefaultExecutor.builder().setExecuteStreamHandler(new PumpStreamHandler(out, err)).get();
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);
        if (cwd != null) {
            executor.setWorkingDirectory(cwd.toFile());
        }
        ProcessEnd done = new ProcessEnd();
        try (ChildReaper.Registration registration = started(executor, argv, environment, done, watchdog)) {
            // The watchdog ends the process at the deadline; the extra time covers reaping and the pumps.
            done.waitFor(deadline.plusSeconds(5));
        } catch (IOException e) {
            throw HarnessException.failed("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            watchdog.destroyProcess();
            throw HarnessException.failed("interrupted while running " + argv.get(0), e);
        }
        if (!done.hasResult()) {
            watchdog.destroyProcess();
            throw HarnessException.timeout(argv.get(0) + " did not end within " + deadline.plusSeconds(5));
        }
        if (done.getException() != null && done.getException().getCause() instanceof IOException io) {
            throw HarnessException.failed("cannot run " + argv.get(0) + ": " + io.getMessage(), io);
        }
        return new Result(argv, done.getExitValue(), watchdog.killedProcess(),
                out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Starts the command, registered with the reaper so that stopping the harness ends it too (a long build). */
    private static ChildReaper.Registration started(DefaultExecutor executor, List<String> argv,
            Map<String, String> environment, ProcessEnd done, TreeWatchdog watchdog)
            throws IOException, InterruptedException {
        try (ChildReaper.Start start = ChildReaper.beginStart()) {
            executor.execute(commandLine(argv), environment, done);
            Process process = watchdog.started().get(30, java.util.concurrent.TimeUnit.SECONDS);
            return start.register(process.toHandle(), () -> { });
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("it did not start within 30 s", e);
        }
    }

    /** A commons-exec command line that passes every argument as it is (no quoting, no splitting). */
    static CommandLine commandLine(List<String> argv) {
        CommandLine line = new CommandLine(argv.get(0));
        for (String arg : argv.subList(1, argv.size())) {
            line.addArgument(arg, false);
        }
        return line;
    }
}
