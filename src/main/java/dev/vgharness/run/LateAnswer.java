package dev.vgharness.run;

import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.ProcessTree;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Waits for gdb to answer again after a monitor command past its deadline. Valgrind cannot be interrupted in the
 * middle of a command ({@code block_list} of 150,000 blocks took 80 s), so it is waited for while it works: as long
 * as its CPU time grows, up to the case's deadline. Valgrind stopped by a signal, or without CPU time for
 * {@link #STALL}, is stuck.
 */
final class LateAnswer {

    static final Duration STALL = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final MiSession gdb;
    private final long pid;
    private final long deadline;

    /** @param deadline the case's (nanoTime) */
    LateAnswer(MiSession gdb, long valgrindPid, long deadline) {
        this.gdb = gdb;
        this.pid = valgrindPid;
        this.deadline = deadline;
    }

    /** Returns once gdb answers; the late answer itself is dropped. */
    void await() throws MiSessionException, TargetStuck {
        OptionalLong cpu = ProcessTree.cpuTicks(pid);
        long progressed = System.nanoTime();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new MiSessionException.Timeout("no answer until the case's deadline either");
            }
            try {
                gdb.resync(Duration.ofNanos(Math.min(left, POLL.toNanos())));
                return;
            } catch (MiSessionException.Timeout stillBusy) {
                // gdb still waits for valgrind: see whether valgrind works on it.
            }
            OptionalLong now = ProcessTree.cpuTicks(pid);
            if (now.isPresent() && (cpu.isEmpty() || now.getAsLong() > cpu.getAsLong())) {
                cpu = now;
                progressed = System.nanoTime();
            } else if (now.isEmpty() || System.nanoTime() - progressed > STALL.toNanos()) {
                throw new TargetStuck("valgrind " + (now.isEmpty() ? "is stopped" : "used no CPU time for "
                        + STALL.toSeconds() + " s") + ": it is stuck, and vgharness ended it (its exit-time results"
                        + " are lost)");
            }
        }
    }
}
