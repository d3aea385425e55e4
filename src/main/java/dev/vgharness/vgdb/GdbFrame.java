package dev.vgharness.vgdb;

import dev.vgharness.mi.MiTuple;
import java.util.Optional;

/**
 * One stack frame as gdb reports it:
 * {@code frame={level="0",addr="0x0000000000109205",func="handle",file="leaky.c",fullname="/src/leaky.c",line="42"}}.
 * File and line are absent for code without debug information.
 */
public record GdbFrame(int level, long address, String function, Optional<String> file, Optional<String> fullname,
        Optional<Integer> line, Optional<String> library) {

    public static GdbFrame of(MiTuple frame) {
        return new GdbFrame(
                frame.optionalString("level").map(Integer::parseInt).orElse(0),
                frame.has("addr") && !frame.string("addr").startsWith("<") ? frame.address("addr") : 0L,
                frame.optionalString("func").orElse("??"),
                frame.optionalString("file"),
                frame.optionalString("fullname"),
                frame.optionalString("line").map(Integer::parseInt),
                frame.optionalString("from"));
    }
}
