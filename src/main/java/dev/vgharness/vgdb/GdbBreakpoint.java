package dev.vgharness.vgdb;

import dev.vgharness.mi.MiTuple;
import dev.vgharness.mi.MiValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A breakpoint gdb created, from {@code -break-insert}:
 * <pre>
 * 102^done,bkpt={number="1",type="breakpoint",disp="keep",enabled="y",addr="0x0000000000109170",func="checkpoint",
 *     file="leaks.c",fullname="/tmp/leaks.c",line="18",thread-groups=["i1"],times="0",original-location="leaks.c:18"}
 * </pre>
 * An overloaded C++ function gives {@code addr="<MULTIPLE>"} and, under MI3, {@code locations=[{...},{...}]}.
 */
public record GdbBreakpoint(String number, String originalLocation, List<GdbFrame> locations) {

    public GdbBreakpoint {
        locations = List.copyOf(locations);
    }

    public static GdbBreakpoint of(MiTuple bkpt) {
        List<GdbFrame> locations = new ArrayList<>();
        if (bkpt.has("locations")) {
            for (MiValue location : bkpt.list("locations").values()) {
                locations.add(GdbFrame.of((MiTuple) location));
            }
        } else if (bkpt.has("addr") && !bkpt.string("addr").startsWith("<")) {
            locations.add(GdbFrame.of(bkpt));
        }
        return new GdbBreakpoint(bkpt.string("number"), bkpt.optionalString("original-location").orElse(""), locations);
    }
}
