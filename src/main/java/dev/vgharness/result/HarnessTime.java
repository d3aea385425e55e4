package dev.vgharness.result;

/**
 * The harness's own time in a run ({@code "harness"} in JSON, docs/report.md): at each stop acted on,
 * the stop's wall time (from gdb's {@code *stopped} to the next {@code -exec-continue}) less the time spent waiting
 * for gdb and, through it, valgrind (MI answers, monitor commands). What is left is parsing, bookkeeping and /proc
 * reads: the cost of the harness itself.
 *
 * @param stops the stops measured
 * @param ownMsPerStopMedian the median own time of a stop, in ms; null when there was no stop
 * @param ownMsPerStopMax the largest; null when there was no stop
 * @param casesWithoutGdb cases that nothing stops, run by valgrind alone (no gdb, no vgdb)
 */
public record HarnessTime(int stops, Double ownMsPerStopMedian, Double ownMsPerStopMax, int casesWithoutGdb) {
}
