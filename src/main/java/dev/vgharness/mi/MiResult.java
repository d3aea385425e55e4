package dev.vgharness.mi;

import static java.util.Objects.requireNonNull;

/**
 * One {@code name=value} pair. A bare value inside a tuple or list (pre-MI4 {@code script={"silent"}}) has the
 * empty name; a bare tuple at the top level of an MI2 record ({@code bkpt={..},{..}}) takes the name before it.
 */
public record MiResult(String name, MiValue value) {

    public MiResult {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
    }

    /** Whether this is a bare value rather than a named result. */
    public boolean isBare() {
        return name.isEmpty();
    }
}
