package dev.vgharness.memcheck;

import static java.util.Objects.requireNonNull;

/**
 * A line of Memcheck text that is clearly one of the counted lines (a LEAK SUMMARY or HEAP SUMMARY line, a loss-record
 * header, an error count) but whose numbers cannot be read: reading it as 0, or skipping it so that its kind counts
 * as 0, would turn a leak into a pass. The message gives the line's number in the text and the line.
 */
public final class MemcheckTextException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final String problem;

    public MemcheckTextException(long line, String problem) {
        super("line " + line + ": " + requireNonNull(problem, "problem is null"));
        this.line = line;
        this.problem = problem;
    }

    /** The 1-based line of the text. */
    public long line() {
        return line;
    }

    /** What is wrong, without the line number. */
    public String problem() {
        return problem;
    }
}
