package dev.vgharness.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A breakpoint of a case and what to do when it is hit, e.g.
 * <pre>
 * - id: after_request
 *   at: server.c:217
 *   max_hits: 5
 *   actions: [leak_check]
 *   expect: {new_definitely_lost_bytes: "&lt;= 24"}
 * </pre>
 *
 * @param id unique in the case; names the stop in reports
 * @param at any gdb location: {@code file:line}, {@code function}, {@code file:function}, {@code *0xADDR}
 * @param condition a gdb condition, if any
 * @param ignore hits passed over before acting (0 or more)
 * @param maxHits hits acted on at most (default 1); then the breakpoint is removed
 * @param actions in order; a breakpoint without {@code actions:} has {@code [leak_check]}
 * @param expectations checked at every hit acted on ({@code hits} once at the end of the case)
 * @param failuresAllowed the 0-based positions in {@code actions} of those marked {@code allow_failure: true}: their
 *     failure is recorded at the stop but neither ends the stop's actions nor makes the case an error
 */
public record BreakpointSpec(String id, String at, Optional<String> condition, int ignore, int maxHits,
        List<Action> actions, List<Expectation> expectations, Set<Integer> failuresAllowed) {

    /** A breakpoint whose every action failing makes its case an error. */
    public BreakpointSpec(String id, String at, Optional<String> condition, int ignore, int maxHits,
            List<Action> actions, List<Expectation> expectations) {
        this(id, at, condition, ignore, maxHits, actions, expectations, Set.of());
    }

    public BreakpointSpec {
        requireNonNull(id, "id is null");
        requireNonNull(at, "at is null");
        requireNonNull(condition, "condition is null");
        actions = List.copyOf(actions);
        expectations = List.copyOf(expectations);
        failuresAllowed = Set.copyOf(failuresAllowed);
        if (ignore < 0 || maxHits < 1) {
            throw new IllegalArgumentException("ignore must be >= 0 and maxHits >= 1: " + ignore + ", " + maxHits);
        }
    }

    /** Whether the action at this 0-based position may fail without making the case an error. */
    public boolean allowsFailure(int action) {
        return failuresAllowed.contains(action);
    }
}
