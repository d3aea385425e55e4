package dev.vgharness.mi;

/**
 * A GDB/MI value: a constant (always a string in MI, even for numbers: {@code line="17"}), a tuple
 * {@code {name=value,...}} or a list {@code [...]}.
 */
public sealed interface MiValue permits MiConst, MiTuple, MiList {

    /** The constant's text; fails with {@link MiFieldException} for a tuple or list. */
    default String text() {
        throw new MiFieldException("expected a string, found " + describe());
    }

    /** A short description for error messages: "a tuple", "a list", or the quoted constant. */
    String describe();
}
