package dev.vgharness.run;

/** Something about the case itself that keeps it from running (a breakpoint gdb cannot set). */
final class CaseProblem extends Exception {
    private static final long serialVersionUID = 1L;

    CaseProblem(String message) {
        super(message);
    }
}
