package dev.vgharness.mi;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/** One line as an ANTLR char stream, read in place: no copy of a half-megabyte record into a code point buffer. */
final class LineCharStream implements CharStream {

    private final String line;
    private int position;

    LineCharStream(String line) {
        this.line = line;
    }

    @Override
    public int LA(int i) {
        int at = i > 0 ? position + i - 1 : position + i;
        return at >= 0 && at < line.length() ? line.charAt(at) : IntStream.EOF;
    }

    @Override
    public void consume() {
        if (position >= line.length()) {
            throw new IllegalStateException("cannot consume EOF");
        }
        position++;
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
        // Everything stays in memory: nothing to release.
    }

    @Override
    public int index() {
        return position;
    }

    @Override
    public void seek(int index) {
        position = Math.min(index, line.length());
    }

    @Override
    public int size() {
        return line.length();
    }

    @Override
    public String getSourceName() {
        return IntStream.UNKNOWN_SOURCE_NAME;
    }

    @Override
    public String getText(Interval interval) {
        int from = Math.max(0, interval.a);
        int to = Math.min(line.length() - 1, interval.b);
        return from > to ? "" : line.substring(from, to + 1);
    }
}
