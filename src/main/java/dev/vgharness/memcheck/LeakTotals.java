package dev.vgharness.memcheck;

/**
 * Bytes and blocks of one LEAK SUMMARY line, with the deltas valgrind prints in a delta search
 * ({@code definitely lost: 32 (+16) bytes in 1 (+1) blocks}); a delta is null when the search printed none.
 */
public record LeakTotals(long bytes, long blocks, Long bytesDelta, Long blocksDelta) {

    public static final LeakTotals ZERO = new LeakTotals(0, 0, null, null);
}
