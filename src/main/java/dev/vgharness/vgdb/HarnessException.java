package dev.vgharness.vgdb;

/**
 * An infrastructure failure with one line that says what failed and what to do, for example
 * {@code valgrind not found on PATH: install valgrind (apt-get install valgrind) or pass --valgrind PATH}.
 * The command line maps it to exit code 3.
 */
public final class HarnessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private HarnessException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A tool (valgrind, vgdb, gdb, setsid) that cannot be found or run. */
    public static HarnessException missingTool(String tool, String detail) {
        return new HarnessException(tool + " " + detail + ": install " + tool + " or pass its path with --" + tool
                + " PATH", null);
    }

    /** The program under test does not exist or cannot be executed. */
    public static HarnessException badProgram(String detail) {
        return new HarnessException(detail, null);
    }

    /** Something did not happen before its deadline. */
    public static HarnessException timeout(String detail) {
        return new HarnessException(detail, null);
    }

    /** Any other failure of the machinery (I/O on the private directory, a process that could not start). */
    public static HarnessException failed(String detail, Throwable cause) {
        return new HarnessException(detail, cause);
    }
}
