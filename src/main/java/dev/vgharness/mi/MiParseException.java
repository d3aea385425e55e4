package dev.vgharness.mi;

/**
 * A line that starts as an MI record but does not follow the grammar, e.g. {@code ^done,a=[} (1:10: unterminated
 * list). Line and column are 1-based.
 */
public final class MiParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String reason;

    public MiParseException(int line, int column, String reason) {
        super(line + ":" + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the position. */
    public String reason() {
        return reason;
    }
}
