package dev.vgharness.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The exit codes of {@code docs/cli.md}, decided in one place: 0 passed, 1 an expectation failed, 2 bad usage or an
 * invalid plan (nothing run), 3 an infrastructure failure.
 */
final class ExitCodes {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int INFRASTRUCTURE = 3;

    /** The exit codes as the help of run and check ends with them. */
    static final String FOOTER = "Exit codes: 0 every case passed, 1 an expectation failed, 2 bad usage or an"
            + " invalid plan (nothing run), 3 an infrastructure failure (valgrind or gdb missing, a timeout, a crash"
            + " no expectation covers).";

    private ExitCodes() {
    }

    /** The code for a finished run: 0 every case passed, 1 an expectation failed, 3 an infrastructure error. */
    static int of(dev.vgharness.result.RunResult result) {
        return switch (result.status()) {
            case PASSED -> PASSED;
            case FAILED -> FAILED;
            case ERROR -> INFRASTRUCTURE;
        };
    }

    /** The code for an exception that escaped a command: usage problems are 2, anything else 3. */
    static int of(Throwable failure) {
        if (failure instanceof UsageException) {
            return USAGE;
        }
        return INFRASTRUCTURE;
    }

    /** A problem with what the user gave us (a file that does not exist, a bad option value). */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean located;

        UsageException(String message) {
            this(message, false);
        }

        private UsageException(String message, boolean located) {
            super(message);
            this.located = located;
        }

        /** Lines that already say where ({@code plan.yaml:14:9: ...}): printed as they are, one per problem. */
        static UsageException located(String lines) {
            return new UsageException(lines, true);
        }
    }

    /** One clear line on stderr instead of a stack trace (the trace only with -v). */
    static final class ExceptionHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
            PrintWriter err = cl.getErr();
            if (ex instanceof UsageException u && u.located) {
                err.println(u.getMessage());
            } else {
                err.println("vgharness: " + oneLine(ex));
            }
            if (parsed.hasMatchedOption("-v") || parsed.subcommands().stream().anyMatch(s -> s.hasMatchedOption("-v"))) {
                ex.printStackTrace(err);
            }
            err.flush();
            return of(ex);
        }
    }

    /** Bad usage: the message, a hint, exit 2. */
    static final class UsageHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("vgharness: " + ex.getMessage());
            Suggestions.print(ex, err);
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return USAGE;
        }
    }

    static String oneLine(Throwable ex) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return message.replace('\n', ' ');
    }
}
