package dev.vgharness.plan;

import dev.vgharness.memcheck.LeakKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A case's {@code find_lost: {limit: 5, kinds: [definite]}}: after the run, a second run follows the blocks of up to
 * {@code limit} of the exit's loss records of these kinds (largest first) to the moment the last pointer to each
 * disappears.
 *
 * @param limit how many loss records to follow, at least 1
 * @param kinds which records: definite and possible (an indirect block is lost with the block that holds it, a
 *     reachable one is not lost)
 */
public record FindLost(int limit, Set<LossKind> kinds) {

    static final List<String> KEYS = List.of("limit", "kinds");
    /** The kinds a block can be followed to its loss for. */
    public static final Set<LossKind> FOLLOWABLE = EnumSet.of(LossKind.DEFINITE, LossKind.POSSIBLE);

    public FindLost {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        kinds = Set.copyOf(kinds);
        if (kinds.isEmpty() || !FOLLOWABLE.containsAll(kinds)) {
            throw new IllegalArgumentException("kinds must be definite and/or possible, not " + kinds);
        }
    }

    /** {@code find_lost: {}}: the 5 largest definitely lost records. */
    public static FindLost defaults() {
        return new FindLost(5, EnumSet.of(LossKind.DEFINITE));
    }

    /** Whether records of this Memcheck kind are followed. */
    public boolean follows(LeakKind kind) {
        return kinds.stream().anyMatch(k -> k.leakKind() == kind);
    }
}
