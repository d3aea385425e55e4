package dev.vgharness.plan;

import java.util.List;
import java.util.Set;

/**
 * Stops at Memcheck errors ({@code on_error: {max_stops: 10, actions: [...], locals: true, frames: 8}}): the target
 * stops at each new error, as {@code --vgdb-error} makes it, the error is read with {@code v.info last_error}, the
 * backtrace and the locals of the own frames are taken, the actions run and the expectations are checked. Errors
 * that Valgrind merges with one already reported (same stack) do not stop again.
 *
 * @param maxStops error stops at most; later errors are counted but do not stop
 * @param actions run at every error stop, as at a breakpoint (none by default)
 * @param locals whether to read the arguments and locals of the own frames
 * @param frames how many own frames (those with source) get their locals read
 * @param expectations checked at every error stop, breakpoint metrics
 * @param failuresAllowed the 0-based positions in {@code actions} of those marked {@code allow_failure: true}
 */
public record ErrorStops(int maxStops, List<Action> actions, boolean locals, int frames,
        List<Expectation> expectations, Set<Integer> failuresAllowed) {

    public static final int MAX_STOPS = 10;
    public static final int FRAMES = 8;
    static final List<String> KEYS = List.of("max_stops", "actions", "locals", "frames", "expect");

    /** Error stops whose every action failing makes the case an error. */
    public ErrorStops(int maxStops, List<Action> actions, boolean locals, int frames, List<Expectation> expectations) {
        this(maxStops, actions, locals, frames, expectations, Set.of());
    }

    public ErrorStops {
        failuresAllowed = Set.copyOf(failuresAllowed);
        actions = List.copyOf(actions);
        expectations = List.copyOf(expectations);
        if (maxStops < 1 || frames < 0) {
            throw new IllegalArgumentException("max_stops must be 1 or more and frames 0 or more");
        }
    }

    /** {@code on_error: {}}: 10 stops, no actions, the locals of 8 frames. */
    public static ErrorStops defaults() {
        return new ErrorStops(MAX_STOPS, List.of(), true, FRAMES, List.of());
    }

    /** Whether the action at this 0-based position may fail without making the case an error. */
    public boolean allowsFailure(int action) {
        return failuresAllowed.contains(action);
    }
}
