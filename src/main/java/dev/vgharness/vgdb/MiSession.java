package dev.vgharness.vgdb;

import dev.vgharness.mi.CStrings;
import dev.vgharness.mi.MiLineReader;
import dev.vgharness.mi.MiParseException;
import dev.vgharness.mi.MiParser;
import dev.vgharness.mi.MiRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;

/**
 * A gdb process driven over GDB/MI: every command carries a token, one reader thread parses gdb's output, and the
 * caller gets per command the result record together with every record that arrived for it ({@link MiOutput}).
 * Async records ({@code *stopped}, {@code *running}, {@code =thread-*}, ...) also go to an event queue read with a
 * deadline. Every wait has a deadline; gdb dying mid-command is a {@link MiSessionException.GdbGone}, not a hang;
 * {@link #close()} always ends and reaps gdb.
 *
 * <p>Commands are sent one at a time (gdb answers them in order anyway). gdb runs with {@code mi-async on}, so it
 * keeps reading commands while the target runs and {@code -exec-interrupt} works.
 */
public final class MiSession implements AutoCloseable {

    private static final Duration EXIT_GRACE = Duration.ofSeconds(2);
    private static final MiRecord.Async GONE = new MiRecord.Async(MiRecord.AsyncKind.NOTIFY,
            java.util.Optional.empty(), "vgharness-gdb-gone", List.of());

    private final GdbLaunch launch;
    private final AtomicLong tokens = new AtomicLong(100);
    /** Time callers spent blocked on gdb: answers to commands and awaited events. */
    private final AtomicLong waitedNanos = new AtomicLong();
    private final BlockingQueue<MiRecord.Async> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> readerReady = new CompletableFuture<>();
    private final GdbStreams streams = new GdbStreams(() -> readerReady.complete(null));
    private final ProcessEnd exit = new ProcessEnd();
    private final TreeWatchdog watchdog;
    private final Process process;
    private final ChildReaper.Registration registration;
    private final Thread reader;
    private final LoadedCode loadedCode = new LoadedCode();
    private volatile Pending pending;
    private volatile boolean gone;
    private boolean closed;

    /** A command waiting for its result, and what arrived for it so far (nothing kept when it only resyncs). */
    private record Pending(long token, String command, List<MiRecord> records, CompletableFuture<MiOutput> answer,
            boolean keeps) {
    }

    private MiSession(GdbLaunch launch) throws MiSessionException {
        this.launch = launch;
        this.watchdog = new TreeWatchdog(Duration.ofDays(365));
        try (ChildReaper.Start start = ChildReaper.beginStart()) {
            this.process = startGdb();
            this.registration = start.register(process.toHandle(), () -> { });
        }
        this.reader = new Thread(this::readLoop, "vgharness-gdb-reader-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts gdb set up for a harness (its command line sets no confirmations, no paging, async MI). */
    public static MiSession start(GdbLaunch launch) throws MiSessionException {
        return new MiSession(launch);
    }

    private Process startGdb() throws MiSessionException {
        List<String> argv = launch.argv();
        CommandLine command = new CommandLine(argv.get(0));
        argv.subList(1, argv.size()).forEach(arg -> command.addArgument(arg, false));
        DefaultExecutor executor = DefaultExecutor.builder().get();
        executor.setStreamHandler(streams);
        executor.setWatchdog(watchdog);
        launch.workingDirectory().ifPresent(dir -> executor.setWorkingDirectory(dir.toFile()));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("LANG", "C.UTF-8");
        env.putAll(launch.environment());
        // gdb runs `target remote | vgdb ...` through $SHELL -c with a socket as its stdin. Debian's bash takes that
        // for an ssh session and reads ~/.bashrc when SHLVL is unset (CI runners, services): a pyenv or conda init
        // there costs a tenth of a second per attach, a stale pyenv lock a minute. /bin/sh reads no rc file.
        env.put("SHELL", "/bin/sh");
        try {
            executor.execute(command, env, exit);
            Process started = watchdog.started().get(10, TimeUnit.SECONDS);
            readerReady.get(10, TimeUnit.SECONDS);
            return started;
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new MiSessionException("cannot start gdb '" + launch.gdb() + "': " + rootMessage(e)
                    + " (install gdb, or give its path with --gdb)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MiSessionException("interrupted while starting gdb", e);
        }
    }

    /** Sends an MI command ({@code -break-insert main}) and waits for its answer within the default deadline. */
    public MiOutput send(String command) throws MiSessionException {
        return send(command, launch.commandTimeout());
    }

    /**
     * Sends an MI command and waits for its answer. An {@code ^error} answer throws
     * {@link MiSessionException.CommandFailed}; no answer in time throws {@link MiSessionException.Timeout}.
     */
    public synchronized MiOutput send(String command, Duration timeout) throws MiSessionException {
        MiOutput output = exchange(command, timeout);
        if (output.result().isError()) {
            throw new MiSessionException.CommandFailed(command, output.result().optionalString("msg").orElse("error"));
        }
        return output;
    }

    /** Like {@link #send(String, Duration)}, but an {@code ^error} answer is returned, not thrown. */
    public synchronized MiOutput exchange(String command, Duration timeout) throws MiSessionException {
        return exchange(command, timeout, true);
    }

    /**
     * After a command timed out: waits until gdb answers again, within the deadline. gdb answers in order, so the
     * answer to a no-op comes after the late one, whose records (a monitor command's long text) are dropped.
     */
    public synchronized void resync(Duration timeout) throws MiSessionException {
        exchange("-gdb-show confirm", timeout, false);
    }

    private MiOutput exchange(String command, Duration timeout, boolean keeps) throws MiSessionException {
        if (gone) {
            throw gdbGone("before '" + command + "' could be sent");
        }
        long token = tokens.incrementAndGet();
        Pending p = new Pending(token, command, java.util.Collections.synchronizedList(new ArrayList<>()),
                new CompletableFuture<>(), keeps);
        pending = p;
        long start = System.nanoTime();
        try {
            write(token + command);
            return p.answer().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new MiSessionException.Timeout("gdb did not answer '" + command + "' within " + seconds(timeout));
        } catch (ExecutionException e) {
            throw gdbGone("while waiting for the answer to '" + command + "'");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MiSessionException("interrupted while waiting for the answer to '" + command + "'", e);
        } finally {
            pending = null;
            waitedNanos.addAndGet(System.nanoTime() - start);
        }
    }

    /** Runs a CLI command through {@code -interpreter-exec console} and returns its console text. */
    public String console(String cliCommand, Duration timeout) throws MiSessionException {
        return send("-interpreter-exec console " + CStrings.quote(cliCommand), timeout).consoleText();
    }

    /**
     * Runs a valgrind monitor command and returns its text, the {@code @} chunks joined. gdb answers
     * {@code ^done} even for an unknown monitor command: errors are in the text.
     */
    public String monitor(String command, Duration timeout) throws MiSessionException {
        try {
            return send("-interpreter-exec console " + CStrings.quote("monitor " + command), timeout).targetText();
        } catch (MiSessionException.Timeout e) {
            throw new MiSessionException.Timeout("vgdb did not answer 'monitor " + command + "' within "
                    + seconds(timeout) + ": valgrind is stopped or stuck (raise --command-timeout if it is only slow)");
        }
    }

    /** The next async record that matches, within the deadline; the ones before it are dropped. */
    public MiRecord.Async awaitEvent(Predicate<MiRecord.Async> wanted, Duration timeout) throws MiSessionException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                MiRecord.Async event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : events.poll();
                if (event == null) {
                    throw new MiSessionException.Timeout("no event from gdb within " + seconds(timeout));
                }
                if (event == GONE) {
                    events.add(GONE);
                    throw gdbGone("while waiting for the target to stop");
                }
                if (wanted.test(event)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MiSessionException("interrupted while waiting for gdb", e);
        } finally {
            waitedNanos.addAndGet(System.nanoTime() - start);
        }
    }

    /**
     * Nanoseconds callers have spent blocked on gdb so far (waiting for answers, and through gdb for valgrind, and
     * for events): what is not the harness's own time.
     */
    public long waitedNanos() {
        return waitedNanos.get();
    }

    /** The next {@code *stopped}, within the deadline. */
    public StopEvent awaitStop(Duration timeout) throws MiSessionException {
        return StopEvent.of(awaitEvent(e -> e.kind() == MiRecord.AsyncKind.EXEC && e.asyncClass().equals("stopped"),
                timeout));
    }

    /** The libraries the target loaded and where gdb set each breakpoint, over the whole session. */
    public LoadedCode loadedCode() {
        return loadedCode;
    }

    /** Whether gdb is still there to talk to. */
    public boolean isAlive() {
        return !gone && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    private void write(String line) throws MiSessionException {
        launch.traffic().accept("-> " + line);
        try {
            var stdin = streams.stdin();
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw gdbGone("while sending '" + line + "'");
        }
    }

    private void readLoop() {
        MiParser parser = new MiParser();
        int number = 0;
        try {
            MiLineReader lines = new MiLineReader(streams.stdout());
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                launch.traffic().accept("<- " + CStrings.latin1ToUtf8(line));
                dispatch(parse(parser, line, number));
            }
        } catch (IOException e) {
            // gdb's stdout closed under us: the same as its end.
        } finally {
            gone = true;
            Pending p = pending;
            if (p != null) {
                p.answer().completeExceptionally(new IOException("gdb is gone"));
            }
            events.add(GONE);
        }
    }

    private static MiRecord parse(MiParser parser, String line, int number) {
        try {
            return parser.parse(line, number);
        } catch (MiParseException e) {
            // Program output that happens to start like a record: keep it as text rather than lose it.
            return new MiRecord.Output(CStrings.latin1ToUtf8(line));
        }
    }

    private void dispatch(MiRecord record) {
        Pending p = pending;
        if (record instanceof MiRecord.Result result) {
            if (p != null && result.token().isPresent() && result.token().get() == p.token()) {
                p.answer().complete(new MiOutput(result, p.records()));
            }
            return;
        }
        if (record instanceof MiRecord.Prompt) {
            return;
        }
        if (record instanceof MiRecord.Async async) {
            if (async.kind() == MiRecord.AsyncKind.NOTIFY) {
                loadedCode.notified(async);
            }
            events.add(async);
        }
        if (p != null && !(record instanceof MiRecord.Output)) {
            if (p.keeps()) {
                p.records().add(record);
            }
        } else if (!(record instanceof MiRecord.Async)) {
            launch.unsolicited().accept(record);
        }
    }

    private MiSessionException gdbGone(String when) {
        String code = exit.hasResult() ? " (exit code " + exit.getExitValue() + ")" : "";
        String stderr = streams.stderrTail();
        return new MiSessionException.GdbGone("gdb exited" + code + " " + when
                + (stderr.isEmpty() ? "" : ": " + stderr));
    }

    /** Asks gdb to exit, then ends it (and whatever it started, such as vgdb) if it does not. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!gone) {
            try {
                write(tokens.incrementAndGet() + "-gdb-exit");
            } catch (MiSessionException e) {
                // Already gone: the tree is ended below anyway.
            }
        }
        try {
            exit.waitFor(EXIT_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessTree.terminate(process.toHandle(), ProcessTree.DEFAULT_GRACE);
        try {
            reader.join(EXIT_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        registration.close();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
