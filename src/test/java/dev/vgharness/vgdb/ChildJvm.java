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
public final class ChildJvm implements AutoCloseable {

    /**
     * Prefix of a command line that runs it with SIGINT's default action. A suite started in the background of a
     * shell ({@code mvn test &}) has SIGINT ignored, and every process it starts inherits that: the JVM then never
     * sees the Ctrl-C a test sends, which a harness on a terminal does. env execs in place: the pid stays.
     */
    public static final List<String> DEFAULT_SIGINT = List.of("env", "--default-signal=INT");

    private final TreeWatchdog watchdog;
    private final DefaultExecuteResultHandler done = new DefaultExecuteResultHandler();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    /** Starts {@code java -cp <the test classpath> mainClass args...}, killed at the latest after {@code limit}. */
    public ChildJvm(String mainClass, List<String> args, Duration limit) throws IOException {
        this(List.of(), mainClass, args, limit, false);
    }

    /** Likewise with JVM options ({@code -Djava.io.tmpdir=...}) before the class. */
    public ChildJvm(List<String> jvmOptions, String mainClass, List<String> args, Duration limit) throws IOException {
        this(jvmOptions, mainClass, args, limit, false);
    }

    /**
     * @param ownSession under {@code setsid}: the JVM leads a process group of its own, which a test can signal as
     *     a whole, as a terminal does on Ctrl-C (setsid execs in place: the pid is the JVM's)
     */
    ChildJvm(String mainClass, List<String> args, Duration limit, boolean ownSession) throws IOException {
        this(List.of(), mainClass, args, limit, ownSession);
    }

    private ChildJvm(List<String> jvmOptions, String mainClass, List<String> args, Duration limit, boolean ownSession)
            throws IOException {
        List<String> argv = new ArrayList<>(ownSession ? List.of("setsid") : List.of());
        argv.addAll(DEFAULT_SIGINT);
        argv.add(ProcessHandle.current().info().command().orElse("java"));
        argv.addAll(jvmOptions);
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        argv.addAll(args);
        watchdog = new TreeWatchdog(limit);
        DefaultExecutor executor = DefaultExecutor.builder().setExecuteStreamHandler(new PumpStreamHandler(stdout, stderr)).get();
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);
        executor.execute(ShortCommand.commandLine(argv), done);
    }

    public ProcessHandle process() throws InterruptedException, ExecutionException {
        return watchdog.started().get().toHandle();
    }

    public boolean hasEnded() {
        return done.hasResult();
    }

    /** Waits for the end; true when it came in time. */
    public boolean awaitEnd(Duration limit) throws InterruptedException {
        done.waitFor(limit);
        return done.hasResult();
    }

    /** Its stdout, then its stderr (captured apart: two pumps into one buffer would mix their lines). */
    public String output() {
        return stdout() + stderr.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    public String stdout() {
        return stdout.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The JVM's exit code, once it has ended. */
    public int exitCode() {
        return done.getExitValue();
    }

    /** The exit status once ended (128 + the signal for a JVM ended by one). */
    int exitValue() {
        return exitCode();
    }

    @Override
    public void close() {
        watchdog.destroyProcess();
    }
}
