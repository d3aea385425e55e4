package dev.vgharness.vgdb;

/**
 * Something went wrong talking to gdb. The subclasses say what: no answer in time, an {@code ^error} answer, or gdb
 * gone. Every message is one line that says what failed.
 */
public class MiSessionException extends Exception {
    private static final long serialVersionUID = 1L;

    public MiSessionException(String message) {
        super(message);
    }

    public MiSessionException(String message, Throwable cause) {
        super(message, cause);
    }

    /** gdb (or the gdbserver behind it) did not answer within the deadline. */
    public static final class Timeout extends MiSessionException {
        private static final long serialVersionUID = 1L;

        public Timeout(String message) {
            super(message);
        }
    }

    /** gdb answered {@code ^error,msg="..."}. */
    public static final class CommandFailed extends MiSessionException {
        private static final long serialVersionUID = 1L;
        private final String gdbMessage;

        public CommandFailed(String command, String gdbMessage) {
            super("gdb refused '" + command + "': " + gdbMessage);
            this.gdbMessage = gdbMessage;
        }

        /** gdb's own message, without the command. */
        public String gdbMessage() {
            return gdbMessage;
        }
    }

    /** gdb exited or closed its output. */
    public static final class GdbGone extends MiSessionException {
        private static final long serialVersionUID = 1L;

        public GdbGone(String message) {
            super(message);
        }
    }
}
