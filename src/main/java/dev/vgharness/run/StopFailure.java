package dev.vgharness.run;

/** An action that could not do its work; the case becomes an error that says which and why. */
final class StopFailure extends Exception {
    private static final long serialVersionUID = 1L;

    StopFailure(String message) {
        super(message);
    }
}
