package dev.vgharness.run;

import dev.vgharness.result.WatchSample;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kills the watch's gdb (SIGKILL, as an OOM killer or a careless {@code kill -9} would) 20 ms after the N-th sample
 * at a breakpoint: the service has been continued by then, with the breakpoint's int3 in its code again, and its
 * next hit is about 80 ms away.
 */
final class GdbKiller {

    private final int afterHits;
    private final AtomicInteger hits = new AtomicInteger();

    GdbKiller(int afterHits) {
        this.afterHits = afterHits;
    }

    void onSample(WatchSample sample) {
        if (sample.breakpoint() != null && hits.incrementAndGet() == afterHits) {
            CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS).execute(GdbKiller::killGdb);
        }
    }

    private static void killGdb() {
        ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains("--interpreter=mi3"))
                .forEach(ProcessHandle::destroyForcibly);
    }
}
