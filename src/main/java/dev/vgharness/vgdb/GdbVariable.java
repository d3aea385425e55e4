package dev.vgharness.vgdb;

import dev.vgharness.mi.MiTuple;
import java.util.Optional;

/**
 * One argument or local of a frame: {@code {name="i",type="int",value="16"}}; {@code arg="1"} marks an argument,
 * and an aggregate (struct, array) has a type but no simple value.
 */
public record GdbVariable(String name, String type, Optional<String> value, boolean argument) {

    public static GdbVariable of(MiTuple variable) {
        return new GdbVariable(variable.string("name"), variable.optionalString("type").orElse(""),
                variable.optionalString("value"), variable.optionalString("arg").filter("1"::equals).isPresent());
    }
}
