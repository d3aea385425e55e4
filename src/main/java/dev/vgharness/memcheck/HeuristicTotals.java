package dev.vgharness.memcheck;

import static java.util.Objects.requireNonNull;

/**
 * One line of the "of which reachable via heuristic" block of a LEAK SUMMARY:
 * {@code newarray           : 48 bytes in 1 blocks}.
 */
public record HeuristicTotals(String heuristic, long bytes, long blocks, Long bytesDelta, Long blocksDelta) {

    public HeuristicTotals {
        requireNonNull(heuristic, "heuristic is null");
    }
}
