package dev.vgharness.vgdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.commons.exec.DefaultExecuteResultHandler;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.PumpStreamHandler;

/** A second JVM on the test's classpath, started through commons-exec, for tests that signal the harness itself. */
final class ChildJvm implements AutoCloseable {

    private final TreeWatchdog watchdog;
    private final DefaultExecuteResultHandler done = new DefaultExecuteResultHandler();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    /** Starts {@code java -cp <the test classpath> mainClass args...}, killed at the latest after {@code limit}. */
    ChildJvm(String mainClass, List<String> args, Duration limit) throws IOException {
        this(mainClass, args, limit, false);
    }

    /**
     * @param ownSession under {@code setsid}: the JVM leads a process group of its own, which a test can signal as
     *     a whole, as a terminal does on Ctrl-C (setsid execs in place: the pid is the JVM's)
     */
    ChildJvm(String mainClass, List<String> args, Duration limit, boolean ownSession) throws IOException {
        List<String> argv = new ArrayList<>(ownSession ? List.of("setsid") : List.of());
        argv.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), mainClass));
        argv.addAll(args);
        watchdog = new TreeWatchdog(limit);
        DefaultExecutor executor = DefaultExecutor.builder().setExecuteStreamHandler(new PumpStreamHandler(output)).get();
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);
        executor.execute(ShortCommand.commandLine(argv), done);
    }

    ProcessHandle process() throws InterruptedException, ExecutionException {
        return watchdog.started().get().toHandle();
    }

    boolean hasEnded() {
        return done.hasResult();
    }

    /** Waits for the end; true when it came in time. */
    boolean awaitEnd(Duration limit) throws InterruptedException {
        done.waitFor(limit);
        return done.hasResult();
    }

    /** The exit status once ended (128 + the signal for a JVM ended by one). */
    int exitValue() {
        return done.getExitValue();
    }

    String output() {
        return output.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        watchdog.destroyProcess();
    }
}
