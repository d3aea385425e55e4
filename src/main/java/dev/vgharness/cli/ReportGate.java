package dev.vgharness.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Who writes the reports of a run: the normal end or the interruption (Ctrl-C, SIGTERM), whichever claims first;
 * the other writes nothing, so no report is written twice or over another and the summary is printed once. The
 * interruption waits for a normal end that is writing, since the JVM halts when the shutdown hooks are done.
 */
final class ReportGate {

    private static final long WRITE_WAIT_S = 60;

    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch written = new CountDownLatch(1);

    /** True for the first caller only: it writes, then calls {@link #written()}. */
    boolean claim() {
        return claimed.compareAndSet(false, true);
    }

    void written() {
        written.countDown();
    }

    /** Waits (a minute at most) until the claimant has written. */
    void awaitWritten() {
        try {
            written.await(WRITE_WAIT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
