package dev.vgharness.run;

import dev.vgharness.result.HarnessTime;
import dev.vgharness.vgdb.MiSession;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the harness's own time at every stop of a run, from all the cases' threads ({@link HarnessTime}): the
 * stop's wall time less what its thread spent blocked on gdb.
 */
final class OwnTimes {

    private final List<Long> nanos = new ArrayList<>();
    private int casesWithoutGdb;

    /** Starts timing a stop that was just reported; {@link Stop#end()} when the target is about to continue. */
    Stop stopped(MiSession gdb) {
        return new Stop(gdb, System.nanoTime(), gdb.waitedNanos());
    }

    synchronized void ranWithoutGdb() {
        casesWithoutGdb++;
    }

    private synchronized void add(long own) {
        nanos.add(own);
    }

    synchronized HarnessTime summary() {
        if (nanos.isEmpty()) {
            return new HarnessTime(0, null, null, casesWithoutGdb);
        }
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return new HarnessTime(n, millis(median), millis(sorted.get(n - 1)), casesWithoutGdb);
    }

    /** Milliseconds to 0.01 ms. */
    private static double millis(double nanoseconds) {
        return Math.round(nanoseconds / 10_000.0) / 100.0;
    }

    /** One stop being timed. */
    final class Stop {
        private final MiSession gdb;
        private final long start;
        private final long waitedBefore;

        private Stop(MiSession gdb, long start, long waitedBefore) {
            this.gdb = gdb;
            this.start = start;
            this.waitedBefore = waitedBefore;
        }

        /** Ends the stop and records its own time; returns "W ms, of which the harness H ms" for -v. */
        String end() {
            long wall = System.nanoTime() - start;
            long own = Math.max(0, wall - (gdb.waitedNanos() - waitedBefore));
            add(own);
            return String.format(java.util.Locale.ROOT, "%.2f ms, of which the harness %.2f ms (the rest waiting"
                    + " for gdb and valgrind)", wall / 1e6, own / 1e6);
        }
    }
}
