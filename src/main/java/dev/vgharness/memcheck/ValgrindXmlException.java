package dev.vgharness.memcheck;

import static java.util.Objects.requireNonNull;

/**
 * A valgrind {@code --xml=yes} file holds a number that cannot be read, or lacks one valgrind always writes: the
 * message names the file, the place and the element, for example
 * {@code final.xml:170:12: <definitely_lost><bytes> holds '1.320', which is not a number}. A count read as 0 instead
 * would turn a leak into a pass.
 */
public final class ValgrindXmlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;

    public ValgrindXmlException(String source, int line, int column, String problem) {
        super(requireNonNull(source, "source is null") + ":" + line + ":" + column + ": "
                + requireNonNull(problem, "problem is null"));
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** The file (or {@code -} for standard input). */
    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
