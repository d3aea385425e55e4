package dev.vgharness.cli;

import dev.vgharness.plan.DurationText;
import dev.vgharness.result.CaseResult;
import dev.vgharness.run.RunOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What a run shows while it runs, for CI logs and people alike: each case's block on stdout as soon as it ends,
 * numbered {@code [2/5]}; for a case still running, a heartbeat line every 30 s ({@code growth: running 1m30s,
 * 3 stops}); and on a terminal one status line on stderr, redrawn every second (case, elapsed, stops), cleared
 * before anything else is printed. The summary at the end, by the reports, then gives those cases their first line
 * only.
 */
final class LiveProgress implements RunOptions.Progress, AutoCloseable {

    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    private static final String CLEAR_LINE = "\r\u001b[K";

    private final int total;
    private final Output output;
    private final Function<CaseResult, String> blocks;
    private final LongSupplier nanoTime;
    private final Map<String, Running> running = new LinkedHashMap<>();
    private int finished;
    private boolean statusShown;
    private ScheduledExecutorService ticker;

    /** A case under way: when it started, when its last heartbeat was, its stops so far. */
    private static final class Running {
        final long startNanos;
        long beatNanos;
        int stops;

        Running(long now) {
            startNanos = now;
            beatNanos = now;
        }
    }

    /**
     * @param total the cases of the run (the N of {@code [k/N]})
     * @param blocks a finished case's block, as the summary prints it
     * @param nanoTime the clock ({@code System::nanoTime}, a fake one in tests)
     */
    private final java.util.Set<String> shown = new java.util.HashSet<>();

    LiveProgress(int total, Output output, Function<CaseResult, String> blocks, LongSupplier nanoTime) {
        this.total = total;
        this.output = output;
        this.blocks = blocks;
        this.nanoTime = nanoTime;
    }

    /** Ticks every second on a daemon thread until {@link #close}. */
    LiveProgress start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vgharness-live");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    @Override
    public synchronized void caseStarted(String name) {
        running.put(name, new Running(nanoTime.getAsLong()));
        drawStatus();
    }

    @Override
    public synchronized void caseStopped(String name) {
        Running r = running.get(name);
        if (r != null) {
            r.stops++;
        }
    }

    /** The cases whose block was printed as they ended. */
    synchronized java.util.Set<String> shown() {
        return java.util.Set.copyOf(shown);
    }

    @Override
    public synchronized void caseFinished(CaseResult result) {
        shown.add(result.name());
        running.remove(result.name());
        finished++;
        clearStatus();
        output.out().print("[" + finished + "/" + total + "] " + output.style().marks(blocks.apply(result)));
        output.out().flush();
        drawStatus();
    }

    /** Heartbeats of the cases whose last was {@link #HEARTBEAT} ago, and the status line redrawn. */
    synchronized void tick() {
        long now = nanoTime.getAsLong();
        boolean printed = false;
        for (Map.Entry<String, Running> e : running.entrySet()) {
            Running r = e.getValue();
            if (now - r.beatNanos >= HEARTBEAT.toNanos()) {
                if (!printed) {
                    clearStatus();
                    printed = true;
                }
                r.beatNanos = now;
                output.out().println(e.getKey() + ": running " + elapsed(r, now) + ", " + stops(r));
            }
        }
        output.out().flush();
        drawStatus();
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        clearStatus();
    }

    private void drawStatus() {
        if (!output.live() || running.isEmpty()) {
            return;
        }
        long now = nanoTime.getAsLong();
        StringBuilder line = new StringBuilder(CLEAR_LINE).append("vgharness: [").append(finished).append('/')
                .append(total).append(" done]");
        running.forEach((name, r) -> line.append(' ').append(name).append(' ').append(elapsed(r, now)).append(", ")
                .append(stops(r)).append(';'));
        line.setLength(line.length() - 1);
        output.err().print(line);
        output.err().flush();
        statusShown = true;
    }

    private void clearStatus() {
        if (statusShown) {
            output.err().print(CLEAR_LINE);
            output.err().flush();
            statusShown = false;
        }
    }

    private static String elapsed(Running r, long now) {
        return DurationText.format(Duration.ofSeconds(Duration.ofNanos(now - r.startNanos).toSeconds()));
    }

    private static String stops(Running r) {
        return r.stops + (r.stops == 1 ? " stop" : " stops");
    }
}
