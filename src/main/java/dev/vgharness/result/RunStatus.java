package dev.vgharness.result;

/** How a run, a case or the whole plan ended: {@code passed}, {@code failed} (an expectation), {@code error}. */
public enum RunStatus {
    PASSED, FAILED, ERROR;

    /** The worse of two: error over failed over passed. */
    public RunStatus and(RunStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
