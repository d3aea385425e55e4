package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.Fixtures;
import dev.vgharness.memcheck.PointerOwner;
import dev.vgharness.memcheck.WhoPointsAtParser;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The holders find_lost counts and their words, on who_points_at answers recorded from lost.c (3.19 and 3.27). */
class LostNamesTest {

    private static List<PointerOwner> owners(String version, String answer) {
        return WhoPointsAtParser.parse(Fixtures.read("memcheck/lost." + version + ".who_points_at_" + answer + ".txt"))
                .search().pointers();
    }

    @Test
    void aSlotInALiveFrameHoldsTheBlockAndRegistersDoNot() {
        for (String version : List.of("3.19", "3.27")) {
            List<PointerOwner> owners = owners(version, "frame");

            assertEquals(List.of(true, false, false), owners.stream().map(LostNames::holds).toList(), version);
            assertEquals(OptionalInt.of(0), LostNames.frame(owners.get(0)), version);
        }
    }

    @Test
    void aSlotOfAFrameThatReturnedHoldsNothing() {
        for (String version : List.of("3.19", "3.27")) {
            List<PointerOwner> owners = owners(version, "returned");

            assertEquals(List.of(false, false), owners.stream().map(LostNames::holds).toList(), version);
            assertEquals(OptionalInt.empty(), LostNames.frame(owners.get(0)), version);
        }
    }

    @Test
    void aGlobalIsCalledByItsSymbol() {
        for (String version : List.of("3.19", "3.27")) {
            PointerOwner global = owners(version, "global").get(0);

            assertEquals("cache", LostNames.global(global), version);
            assertEquals(true, LostNames.holds(global), version);
        }
    }

    @Test
    void aHeapSlotIsCalledByTheBlockHoldingItAndWhereThatWasAllocated() {
        for (String version : List.of("3.19", "3.27")) {
            PointerOwner heap = owners(version, "heap").get(0);

            assertEquals("inside the 16-byte block allocated at main (lost.c:64)", LostNames.container(heap), version);
        }
    }

    @Test
    void aPlaceShowsTheFileNameWithoutItsFolder() {
        assertEquals("session_close (lost.c:22)", LostNames.place("session_close", "/src/net/lost.c", 22));
        assertEquals("memcpy", LostNames.place("memcpy", null, null));
    }
}
