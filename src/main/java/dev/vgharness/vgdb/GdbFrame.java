package dev.vgharness.vgdb;

import dev.vgharness.mi.MiTuple;
import java.util.Optional;

/**
 * One stack frame as gdb reports it:
 * {@code frame={level="0",addr="0x0000000000109205",func="handle",file="leaky.c",fullname="/src/leaky.c",line="42"}}.
 * File and line are absent for code without debug information. A breakpoint location in code without a function
 * name carries {@code at="<count_item@plt>"} instead of {@code func}: that name is the function here.
 */
public record GdbFrame(int level, long address, String function, Optional<String> file, Optional<String> fullname,
        Optional<Integer> line, Optional<String> library) {

    public static GdbFrame of(MiTuple frame) {
        return new GdbFrame(
                frame.optionalString("level").map(Integer::parseInt).orElse(0),
                frame.has("addr") && !frame.string("addr").startsWith("<") ? frame.address("addr") : 0L,
                frame.optionalString("func").or(() -> frame.optionalString("at").map(GdbFrame::unbracket)).orElse("??"),
                frame.optionalString("file"),
                frame.optionalString("fullname"),
                frame.optionalString("line").map(Integer::parseInt),
                frame.optionalString("from"));
    }

    /** True for a PLT stub ({@code count_item@plt}): the executable's jump to a function of a shared library. */
    public boolean isPltStub() {
        return function.endsWith("@plt");
    }

    private static String unbracket(String at) {
        return at.startsWith("<") && at.endsWith(">") ? at.substring(1, at.length() - 1) : at;
    }
}
