package dev.vgharness.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --shard K/N}: the K-th (1-based) of N slices of a plan's cases, for CI matrices. The cases are sorted by
 * name and dealt out in turn (the i-th name goes to slice {@code i mod N}), so the slices differ by at most one case,
 * every case is in exactly one slice, and the partition depends only on the set of names, never on their order in
 * the file or on the machine.
 */
record Shard(int index, int count) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

    Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count);
        }
    }

    /** {@code 2/4}; empty for anything else (the option's converter makes that a usage error). */
    static Optional<Shard> read(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (m.matches()) {
            int k = Integer.parseInt(m.group(1));
            int n = Integer.parseInt(m.group(2));
            if (n >= 1 && k >= 1 && k <= n) {
                return Optional.of(new Shard(k, n));
            }
        }
        return Optional.empty();
    }

    /** The names of this slice, in the order given. */
    List<String> select(List<String> names) {
        List<String> sorted = names.stream().sorted().toList();
        List<String> mine = new ArrayList<>();
        for (String name : names) {
            if (sorted.indexOf(name) % count == index - 1) {
                mine.add(name);
            }
        }
        return mine;
    }
}
