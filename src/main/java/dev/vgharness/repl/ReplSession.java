package dev.vgharness.repl;

import dev.vgharness.vgdb.GdbCommands;
import dev.vgharness.vgdb.LoadedCode;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of a REPL in one place: the options, the target (if any) and where it is, the output mode, the log of
 * everything seen, and where answers and complaints go. Commands read and change it; nothing else holds state.
 */
final class ReplSession implements AutoCloseable {

    private final ReplOptions options;
    private final PrintWriter out;
    private final PrintWriter err;
    private final SessionLog log;
    private volatile Target target;
    private volatile TargetState state = new TargetState.NoTarget();
    private boolean json;
    /** Bytes of each block that {@code block_list} answers read ({@code :contents N}); 0 reads none. */
    private int contents;
    /** {@code :break} locations gdb has not set in code yet, by breakpoint number, for the current target. */
    private final Map<String, String> pending = new LinkedHashMap<>();
    /** Also counted from the Ctrl-C thread. */
    private final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();

    ReplSession(ReplOptions options, PrintWriter out, PrintWriter err, Clock clock) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.log = new SessionLog(clock);
    }

    ReplOptions options() {
        return options;
    }

    PrintWriter out() {
        return out;
    }

    SessionLog log() {
        return log;
    }

    TargetState state() {
        return state;
    }

    void state(TargetState next) {
        state = next;
    }

    boolean json() {
        return json;
    }

    void json(boolean on) {
        json = on;
    }

    int contents() {
        return contents;
    }

    void contents(int bytes) {
        contents = bytes;
    }

    /** Notes a {@code :break} that gdb made pending. */
    synchronized void pending(String number, String location) {
        pending.put(number, location);
    }

    /** The pending breakpoints (number to location) gdb has set since, no longer pending. */
    synchronized Map<String, String> takeSet(LoadedCode code) {
        Map<String, String> set = new LinkedHashMap<>();
        pending.forEach((number, location) -> {
            if (code.resolved(number)) {
                set.put(number, location);
            }
        });
        pending.keySet().removeAll(set.keySet());
        return set;
    }

    /** The pending breakpoints still not set (number to location). */
    synchronized Map<String, String> pending() {
        return new LinkedHashMap<>(pending);
    }

    MonitorHelp help() {
        Target t = target;
        return t == null ? MonitorHelp.empty() : t.help();
    }

    /** A complaint: one line on the error stream, counted for the exit status. */
    synchronized void failed(String message) {
        failures.incrementAndGet();
        out.flush();
        err.println("error: " + message);
        err.flush();
    }

    int failures() {
        return failures.get();
    }

    /** Ends the current target, if any, and starts {@code argv} stopped at its first instruction. */
    void start(List<String> argv) throws MiSessionException {
        endTarget();
        synchronized (this) {
            pending.clear();
        }
        Target started = Target.start(options, argv);
        target = started;
        log.started(argv, started.pid());
    }

    Target target() throws ReplException {
        Target t = target;
        if (t == null) {
            throw new ReplException("no target: type :start -- PROG ARGS first");
        }
        return t;
    }

    /** gdb of a target that is stopped (not running, not exited): what commands at a stop need. */
    MiSession stoppedGdb() throws ReplException {
        Target t = target();
        if (state instanceof TargetState.Running) {
            throw new ReplException("the target is running: wait for it to stop or press Ctrl-C");
        }
        if (state instanceof TargetState.Exited) {
            throw new ReplException("the target has exited: :start it again");
        }
        return t.gdb();
    }

    /** gdb of a target that is not running (stopped, or exited: gdb itself still answers). */
    MiSession idleGdb() throws ReplException {
        Target t = target();
        if (state instanceof TargetState.Running) {
            throw new ReplException("the target is running: wait for it to stop or press Ctrl-C");
        }
        return t.gdb();
    }

    /** Talks to process {@code pid} of the target from now on ({@code :process PID}); its state becomes the REPL's. */
    void switchTo(long pid) throws ReplException, MiSessionException {
        Target t = target();
        if (state instanceof TargetState.Running) {
            throw new ReplException("the target is running: wait for it to stop or press Ctrl-C");
        }
        state = t.select(pid, state);
    }

    /** Ctrl-C: stops a running target (gdb -exec-interrupt); anything else is left alone. */
    void interrupt() {
        Target t = target;
        if (t != null && state instanceof TargetState.Running) {
            try {
                GdbCommands.interrupt(t.gdb());
            } catch (MiSessionException e) {
                failed("cannot interrupt the target: " + e.getMessage());
            }
        }
    }

    private void endTarget() {
        Target t = target;
        target = null;
        state = new TargetState.NoTarget();
        log.running();
        if (t != null) {
            t.close();
        }
    }

    /** Ends valgrind, gdb and vgdb; the session can still write its report. */
    @Override
    public void close() {
        endTarget();
    }
}
