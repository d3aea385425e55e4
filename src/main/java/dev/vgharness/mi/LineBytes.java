package dev.vgharness.mi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The current line as bytes in a reused buffer (one array copy of a String read as ISO-8859-1), and whether it is
 * ASCII (no byte 0x80 or above: sevenbit-strings makes almost every MI line so), tested eight bytes at a time.
 */
final class LineBytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes = new byte[1024];
    private int length;
    private boolean ascii;

    /** Copies {@code line}; a char above 0xFF (never in a line read as ISO-8859-1) keeps only its low byte. */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) is the copy into a reused buffer we want
    void load(String line) {
        int n = line.length();
        if (bytes.length < n) {
            bytes = new byte[Math.max(n, bytes.length * 2)];
        }
        line.getBytes(0, n, bytes, 0);
        length = n;
        ascii = isAscii(bytes, n);
    }

    private static boolean isAscii(byte[] bytes, int n) {
        long any = 0;
        int i = 0;
        for (; i + Long.BYTES <= n; i += Long.BYTES) {
            any |= (long) LONGS.get(bytes, i);
        }
        for (; i < n; i++) {
            any |= bytes[i];
        }
        return (any & 0x8080808080808080L) == 0;
    }

    /** The buffer: valid up to {@link #length()}, overwritten by the next {@link #load}. */
    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    boolean ascii() {
        return ascii;
    }
}
