package dev.vgharness.repl;

/**
 * A REPL command that failed, with one line that says why: {@code no target: type :start -- PROG ARGS first}.
 * The session goes on; a scripted session then ends with exit status 1.
 */
final class ReplException extends Exception {

    private static final long serialVersionUID = 1L;

    ReplException(String message) {
        super(message);
    }
}
