package dev.vgharness.memcheck;

import static java.util.Objects.requireNonNull;

/**
 * A {@code who_points_at} note that a heuristic would keep a block reachable:
 * {@code block at 0x4d6de00 considered reachable by ptr 0x4d6de08 using newarray heuristic}.
 */
public record HeuristicReach(long block, long pointer, String heuristic) {

    public HeuristicReach {
        requireNonNull(heuristic, "heuristic is null");
    }
}
