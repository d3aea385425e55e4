package dev.vgharness.vgdb;

import dev.vgharness.mi.MiTuple;
import dev.vgharness.mi.MiValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A breakpoint as gdb describes it in {@code -break-insert} answers and {@code =breakpoint-modified} events:
 * <pre>
 * 102^done,bkpt={number="1",type="breakpoint",disp="keep",enabled="y",addr="0x0000000000109170",func="checkpoint",
 *     file="leaks.c",fullname="/tmp/leaks.c",line="18",thread-groups=["i1"],times="0",original-location="leaks.c:18"}
 * 103^done,bkpt={number="2",...,addr="&lt;PENDING&gt;",pending="plug_run",times="0",original-location="plug_run"}
 * 104^done,bkpt={number="3",...,addr="&lt;MULTIPLE&gt;",cond="item == 3",...,locations=[{number="3.1",enabled="N",
 *     addr="0x0000000000109040",at="&lt;count_item@plt&gt;",thread-groups=["i1"]}]}
 * </pre>
 * An overloaded C++ function gives {@code addr="<MULTIPLE>"} and, under MI3, {@code locations=[{...},{...}]}. A
 * location gdb disabled (its condition is not valid there: {@code enabled="N"}) is kept apart from the others.
 *
 * @param locations the enabled locations in code
 * @param disabledLocations locations in code that gdb disabled
 * @param pending true while no loaded code defines the location ({@code addr="<PENDING>"})
 */
public record GdbBreakpoint(String number, String originalLocation, List<GdbFrame> locations,
        List<GdbFrame> disabledLocations, boolean pending) {

    public GdbBreakpoint {
        locations = List.copyOf(locations);
        disabledLocations = List.copyOf(disabledLocations);
    }

    public static GdbBreakpoint of(MiTuple bkpt) {
        List<GdbFrame> enabled = new ArrayList<>();
        List<GdbFrame> disabled = new ArrayList<>();
        List<MiTuple> places = new ArrayList<>();
        if (bkpt.has("locations")) {
            for (MiValue location : bkpt.list("locations").values()) {
                places.add((MiTuple) location);
            }
        } else {
            places.add(bkpt);
        }
        for (MiTuple place : places) {
            if (place.has("addr") && !place.string("addr").startsWith("<")) {
                boolean on = place == bkpt || place.optionalString("enabled").orElse("y").equals("y");
                (on ? enabled : disabled).add(GdbFrame.of(place));
            }
        }
        boolean pending = enabled.isEmpty() && disabled.isEmpty()
                && places.stream().anyMatch(p -> p.optionalString("addr").orElse("").equals("<PENDING>"));
        return new GdbBreakpoint(bkpt.string("number"), bkpt.optionalString("original-location").orElse(""), enabled,
                disabled, pending);
    }

    /** True once gdb has put the breakpoint into code where it can stop. */
    public boolean resolved() {
        return !locations.isEmpty();
    }
}
