package dev.vgharness.mi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits gdb's output into lines without decoding it: each line comes back with one char per byte (ISO-8859-1), as
 * {@link MiParser} wants it, so a UTF-8 sequence split between raw bytes and escapes survives. No line-length
 * limit (a {@code -stack-list-frames} answer can be half a megabyte on one line).
 */
public final class MiLineReader {

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private long bytesRead;

    public MiLineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its {@code \n}, or null at the end of the stream. */
    public String readLine() throws IOException {
        int length = 0;
        while (true) {
            if (position == limit && !fill()) {
                return length == 0 ? null : text(length);
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            length = append(length, start, position);
            if (position < limit) {
                position++;
                return text(length);
            }
        }
    }

    /** Bytes consumed so far, line ends included. */
    public long bytesRead() {
        return bytesRead;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        bytesRead += n;
        return true;
    }

    private int append(int length, int from, int to) {
        int count = to - from;
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(buffer, from, line, length, count);
        return length + count;
    }

    private String text(int length) {
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }
}
