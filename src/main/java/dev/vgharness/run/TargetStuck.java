package dev.vgharness.run;

/**
 * Valgrind stopped making progress while gdb waited for it (no CPU time for a while, or stopped by a signal): the
 * case ends and valgrind is killed, since it would never write its exit-time results anyway.
 */
final class TargetStuck extends Exception {
    private static final long serialVersionUID = 1L;

    TargetStuck(String message) {
        super(message);
    }
}
