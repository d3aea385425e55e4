package dev.vgharness.mi;

import java.util.Arrays;
import java.util.List;

/**
 * The finished items of a line's open tuples and lists and of its top level, outermost first, on one array stack: a
 * tuple or list takes back what was pushed since it opened. Shared by both parsers; reused line after line.
 */
final class MiItemStack {

    private MiResult[] items = new MiResult[64];
    private int size;
    /** How far up {@link #items} was used this line: cleared once per line, not at every pop. */
    private int used;
    /** Where each open tuple or list starts in {@link #items}. */
    private int[] opened = new int[32];
    private int depth;

    void reset() {
        Arrays.fill(items, 0, Math.max(used, size), null);
        used = 0;
        size = 0;
        depth = 0;
    }

    void push(MiResult item) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = item;
    }

    /** A tuple or list opens: the items pushed from now until {@link #close} are its own. */
    void open() {
        if (depth == opened.length) {
            opened = Arrays.copyOf(opened, depth * 2);
        }
        opened[depth++] = size;
    }

    /** Pops the innermost open tuple's or list's items. */
    List<MiResult> close() {
        return take(opened[--depth]);
    }

    /** Pops the whole top level. */
    List<MiResult> takeAll() {
        return take(0);
    }

    /** The name of the last item on the stack, or "" when there is none. */
    String lastName() {
        return size > 0 ? items[size - 1].name() : "";
    }

    /** Pops the items from {@code from} up as an immutable list, built with one array copy where it can be. */
    private List<MiResult> take(int from) {
        MiResult[] s = items;
        int n = size - from;
        List<MiResult> list = switch (n) {
            case 0 -> List.of();
            case 1 -> List.of(s[from]);
            case 2 -> List.of(s[from], s[from + 1]);
            case 3 -> List.of(s[from], s[from + 1], s[from + 2]);
            case 4 -> List.of(s[from], s[from + 1], s[from + 2], s[from + 3]);
            case 5 -> List.of(s[from], s[from + 1], s[from + 2], s[from + 3], s[from + 4]);
            case 6 -> List.of(s[from], s[from + 1], s[from + 2], s[from + 3], s[from + 4], s[from + 5]);
            case 7 -> List.of(s[from], s[from + 1], s[from + 2], s[from + 3], s[from + 4], s[from + 5], s[from + 6]);
            case 8 -> List.of(s[from], s[from + 1], s[from + 2], s[from + 3], s[from + 4], s[from + 5], s[from + 6],
                    s[from + 7]);
            default -> List.of(Arrays.copyOfRange(s, from, size));
        };
        used = Math.max(used, size);
        size = from;
        return list;
    }
}
