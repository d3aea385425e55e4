package dev.vgharness.vgdb;

import static java.util.Objects.requireNonNull;

/**
 * A function of the program with debug information, as {@code -symbol-info-functions} lists it.
 *
 * @param name {@code make_tree}, {@code Inventory::report()}
 * @param file the source file as compiled ({@code filename})
 * @param line where the function starts
 */
public record GdbFunction(String name, String file, int line) {

    public GdbFunction {
        requireNonNull(name, "name is null");
        requireNonNull(file, "file is null");
    }
}
