package dev.vgharness.mi;

/**
 * Field names and record classes ({@code frame}, {@code level}, {@code done}) are few and repeat thousands of times
 * in one stack listing: one String each, looked up by the characters in the line instead of copied out again.
 * Bounded: once full, new names are copied as usual.
 */
final class NameTable {

    private static final int SIZE = 512;
    private static final int LIMIT = SIZE / 2;

    private final String[] names = new String[SIZE];
    private int count;

    /** The name {@code line[from, to)}, whose String.hashCode is {@code hash}. */
    String name(String line, int from, int to, int hash) {
        int length = to - from;
        int slot = (hash ^ (hash >>> 9)) & (SIZE - 1);
        while (true) {
            String known = names[slot];
            if (known == null) {
                String name = line.substring(from, to);
                if (count < LIMIT) {
                    names[slot] = name;
                    count++;
                }
                return name;
            }
            if (known.hashCode() == hash && known.length() == length && line.regionMatches(from, known, 0, length)) {
                return known;
            }
            slot = (slot + 1) & (SIZE - 1);
        }
    }
}
