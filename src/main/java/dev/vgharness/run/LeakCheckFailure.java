package dev.vgharness.run;

/** A leak search that did not search, or printed no LEAK SUMMARY; the message says which command and why. */
public final class LeakCheckFailure extends Exception {
    private static final long serialVersionUID = 1L;

    LeakCheckFailure(String message) {
        super(message);
    }
}
