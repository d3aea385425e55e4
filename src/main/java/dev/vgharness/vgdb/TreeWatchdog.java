package dev.vgharness.vgdb;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.Watchdog;

/**
 * A commons-exec watchdog that, at its deadline, ends the whole process tree with SIGTERM then SIGKILL
 * (the stock one only sends SIGTERM, which a valgrind stopped in its gdbserver ignores), and hands out the
 * started {@link Process} so that callers learn its pid.
 */
final class TreeWatchdog extends ExecuteWatchdog {

    private final CompletableFuture<Process> started = new CompletableFuture<>();
    private volatile boolean killed;

    @SuppressWarnings("deprecation")
    TreeWatchdog(Duration deadline) {
        super(deadline.toMillis());
    }

    @Override
    public synchronized void start(Process process) {
        started.complete(process);
        super.start(process);
    }

    @Override
    public synchronized void failedToStart(Exception e) {
        started.completeExceptionally(e);
        super.failedToStart(e);
    }

    @Override
    public void timeoutOccured(Watchdog w) {
        Process process = started.getNow(null);
        if (process != null && process.isAlive()) {
            killed = true;
            ProcessTree.terminate(process.toHandle(), ProcessTree.DEFAULT_GRACE);
        }
        super.timeoutOccured(w);
    }

    @Override
    public synchronized void destroyProcess() {
        Process process = started.getNow(null);
        if (process != null) {
            ProcessTree.terminate(process.toHandle(), ProcessTree.DEFAULT_GRACE);
        }
        super.destroyProcess();
    }

    @Override
    public synchronized boolean killedProcess() {
        return killed || super.killedProcess();
    }

    /** Completes with the process once commons-exec has started it (or exceptionally if it could not). */
    CompletableFuture<Process> started() {
        return started;
    }
}
