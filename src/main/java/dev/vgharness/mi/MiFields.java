package dev.vgharness.mi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed access to an ordered list of results, shared by records, tuples and lists:
 * {@code record.tuple("frame").integer("line")}. Names may repeat ({@code [frame={..},frame={..}]}), so lookups
 * return the first match and {@link #all} returns every one.
 */
public interface MiFields {

    /** The results in gdb's order, repeated names kept. */
    List<MiResult> results();

    default Optional<MiValue> find(String name) {
        for (MiResult r : results()) {
            if (r.name().equals(name)) {
                return Optional.of(r.value());
            }
        }
        return Optional.empty();
    }

    default boolean has(String name) {
        return find(name).isPresent();
    }

    default MiValue get(String name) {
        return find(name).orElseThrow(() -> new MiFieldException("no field '" + name + "'"));
    }

    /** Every value under this name, in order. */
    default List<MiValue> all(String name) {
        List<MiValue> values = new ArrayList<>();
        for (MiResult r : results()) {
            if (r.name().equals(name)) {
                values.add(r.value());
            }
        }
        return values;
    }

    default String string(String name) {
        return get(name).text();
    }

    default Optional<String> optionalString(String name) {
        return find(name).map(MiValue::text);
    }

    default int integer(String name) {
        String text = string(name);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new MiFieldException("field '" + name + "' is not a number: \"" + text + '"');
        }
    }

    /** A {@code 0x...} address as a number. */
    default long address(String name) {
        String text = string(name);
        try {
            return Long.parseUnsignedLong(text.startsWith("0x") ? text.substring(2) : text, 16);
        } catch (NumberFormatException e) {
            throw new MiFieldException("field '" + name + "' is not an address: \"" + text + '"');
        }
    }

    default MiTuple tuple(String name) {
        MiValue v = get(name);
        if (v instanceof MiTuple t) {
            return t;
        }
        throw new MiFieldException("field '" + name + "' is " + v.describe() + ", not a tuple");
    }

    default MiList list(String name) {
        MiValue v = get(name);
        if (v instanceof MiList l) {
            return l;
        }
        throw new MiFieldException("field '" + name + "' is " + v.describe() + ", not a list");
    }
}
