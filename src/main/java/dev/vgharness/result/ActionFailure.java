package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

/**
 * An action that failed at a stop: {@code {"action": "monitor 'leak_chek full'", "message": "command 'leak_chek
 * full' not recognised", "allowed": false}}. A failure the plan does not allow ({@code allow_failure: true}) ends
 * the stop's actions and makes the case an error; the target still runs on.
 *
 * @param action the action as the plan names it, with its command
 * @param message what went wrong, in valgrind's or gdb's words
 * @param allowed true when the plan said {@code allow_failure: true} on the action
 * @param sessionLost true when gdb stopped answering (a command past its deadline): the harness then detaches
 *     gdb and lets the target run to its end without further stops, so that valgrind's exit-time results are kept
 */
public record ActionFailure(String action, String message, boolean allowed, boolean sessionLost) {

    public ActionFailure {
        requireNonNull(action, "action is null");
        requireNonNull(message, "message is null");
    }

    /** A failure after which gdb still answers. */
    public ActionFailure(String action, String message, boolean allowed) {
        this(action, message, allowed, false);
    }

    /** {@code monitor 'leak_chek full' failed: command 'leak_chek full' not recognised}. */
    public String describe() {
        return action + " failed: " + message;
    }
}
