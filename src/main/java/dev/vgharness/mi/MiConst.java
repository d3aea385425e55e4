package dev.vgharness.mi;

import static java.util.Objects.requireNonNull;

/** A decoded C string value, {@code "0x0000555555555149"} or {@code "main"}. */
public record MiConst(String text) implements MiValue {

    public MiConst {
        requireNonNull(text, "text is null");
    }

    @Override
    public String describe() {
        return '"' + text + '"';
    }
}
