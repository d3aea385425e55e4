package dev.vgharness.vgdb;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.exec.DefaultExecuteResultHandler;
import org.apache.commons.exec.ExecuteException;

/**
 * The end of a process started by commons-exec, awaited without polling. {@link DefaultExecuteResultHandler#waitFor}
 * looks every 50 ms, which put up to 50 ms of idle time after every short command, every gdb's exit and every
 * valgrind's end: a tenth of a second per case. Here the waiter wakes when the result is set.
 */
class ProcessEnd extends DefaultExecuteResultHandler {

    private final CountDownLatch ended = new CountDownLatch(1);

    @Override
    public void onProcessComplete(int exitValue) {
        super.onProcessComplete(exitValue);
        ended.countDown();
    }

    @Override
    public void onProcessFailed(ExecuteException e) {
        super.onProcessFailed(e);
        ended.countDown();
    }

    /** Waits until the process has ended and its streams are closed, or {@code timeout} has passed. */
    @Override
    public void waitFor(Duration timeout) throws InterruptedException {
        ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void waitFor(long timeoutMillis) throws InterruptedException {
        ended.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void waitFor() throws InterruptedException {
        ended.await();
    }
}
