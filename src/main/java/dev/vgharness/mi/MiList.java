package dev.vgharness.mi;

import java.util.ArrayList;
import java.util.List;

/**
 * A list: of values ({@code ["i1"]}), of results ({@code [frame={..},frame={..}]}), or, in practice, of both.
 * Bare values have the empty name.
 */
public record MiList(List<MiResult> results) implements MiValue, MiFields {

    public static final MiList EMPTY = new MiList(List.of());

    public MiList {
        results = List.copyOf(results);
    }

    /** Every element's value, names dropped: what a list of values holds. */
    public List<MiValue> values() {
        List<MiValue> values = new ArrayList<>(results.size());
        for (MiResult r : results) {
            values.add(r.value());
        }
        return values;
    }

    @Override
    public String describe() {
        return "a list";
    }
}
