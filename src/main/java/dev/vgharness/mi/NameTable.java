package dev.vgharness.mi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Field names and record classes ({@code frame}, {@code level}, {@code done}) are few and repeat thousands of times
 * in one stack listing: one String each, looked up by the characters in the line instead of copied out again.
 * Bounded: once full, new names are copied as usual.
 */
final class NameTable {

    private static final int SIZE = 512;
    private static final int LIMIT = SIZE / 2;

    private final String[] names = new String[SIZE];
    /** Each name's bytes (names are ASCII identifiers), for lookups from a line's bytes. */
    private final byte[][] bytes = new byte[SIZE][];
    private int count;

    /** The name {@code line[from, to)}, whose String.hashCode is {@code hash}. */
    String name(String line, int from, int to, int hash) {
        int length = to - from;
        int slot = slot(hash);
        while (true) {
            String known = names[slot];
            if (known == null) {
                return remember(slot, line.substring(from, to));
            }
            if (known.hashCode() == hash && known.length() == length && line.regionMatches(from, known, 0, length)) {
                return known;
            }
            slot = (slot + 1) & (SIZE - 1);
        }
    }

    /** The name {@code line[from, to)} of a line's ASCII bytes, whose String.hashCode is {@code hash}. */
    String name(byte[] line, int from, int to, int hash) {
        int slot = slot(hash);
        while (true) {
            String known = names[slot];
            if (known == null) {
                return remember(slot, new String(line, from, to - from, StandardCharsets.ISO_8859_1));
            }
            if (known.hashCode() == hash && Arrays.equals(bytes[slot], 0, bytes[slot].length, line, from, to)) {
                return known;
            }
            slot = (slot + 1) & (SIZE - 1);
        }
    }

    private static int slot(int hash) {
        return (hash ^ (hash >>> 9)) & (SIZE - 1);
    }

    private String remember(int slot, String name) {
        if (count < LIMIT) {
            names[slot] = name;
            bytes[slot] = name.getBytes(StandardCharsets.ISO_8859_1);
            count++;
        }
        return name;
    }
}
