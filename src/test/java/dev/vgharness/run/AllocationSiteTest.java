package dev.vgharness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.StackFrame;
import dev.vgharness.vgdb.GdbBreakpoint;
import dev.vgharness.vgdb.GdbFrame;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the second run stops for a record's blocks, from the first run's allocation stack. */
class AllocationSiteTest {

    private static final StackFrame MALLOC = new StackFrame(0x48417B4L, "malloc", null, null, "vgpreload.so");

    private static LossRecord record(LeakKind kind, StackFrame... stack) {
        return new LossRecord(2, 5, kind, 40, 40, 0, 1, null, null, null, null, false, List.of(stack));
    }

    private static GdbFrame frame(int level, long pc) {
        return new GdbFrame(level, pc, "f" + level, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    @Test
    void stopsWhereTheAllocatorReturnsOneAfterTheAddressValgrindPrints() {
        LossRecord r = record(LeakKind.DEFINITELY_LOST, MALLOC,
                new StackFrame(0x109204L, "queue_push", "lost.c", 37, null),
                new StackFrame(0x109326L, "main", "lost.c", 68, null));

        assertEquals(Optional.of(new AllocationSite(r, 0x109205L, List.of(0x109327L), true)), AllocationSite.of(r));
    }

    @Test
    void aPossiblyLostRecordCountsOnlyPointersToTheStartOfItsBlocks() {
        LossRecord r = record(LeakKind.POSSIBLY_LOST, MALLOC, new StackFrame(0x109204L, "f", null, null, null));

        assertFalse(AllocationSite.of(r).orElseThrow().wholeBlock());
    }

    @Test
    void aStackWithoutACallerOfTheAllocatorHasNoSite() {
        assertEquals(Optional.empty(), AllocationSite.of(record(LeakKind.DEFINITELY_LOST, MALLOC)));
    }

    @Test
    void aStopCountsOnlyWhenItCameThroughTheRecordsCallers() {
        AllocationSite site = AllocationSite.of(record(LeakKind.DEFINITELY_LOST, MALLOC,
                new StackFrame(0x109204L, "queue_push", "lost.c", 37, null),
                new StackFrame(0x109326L, "main", "lost.c", 68, null))).orElseThrow();

        assertTrue(site.calledFrom(List.of(frame(0, 0x109205L), frame(1, 0x109327L), frame(2, 0x4001234L))));
        assertFalse(site.calledFrom(List.of(frame(0, 0x109205L), frame(1, 0x109317L))));
    }

    @Test
    void codeThatValgrindPlacedElsewhereInTheSecondRunIsSaidNotFollowed() {
        AllocationSite site = AllocationSite.of(record(LeakKind.DEFINITELY_LOST, MALLOC,
                new StackFrame(0x109204L, "queue_push", "lost.c", 37, null))).orElseThrow();
        GdbFrame same = new GdbFrame(0, 0x109205L, "queue_push", Optional.of("lost.c"), Optional.empty(),
                Optional.of(37), Optional.empty());
        GdbFrame other = new GdbFrame(0, 0x109205L, "session_close", Optional.of("lost.c"), Optional.empty(),
                Optional.of(22), Optional.empty());

        assertEquals(Optional.empty(), LostBlockTracer.movedCode(site, new GdbBreakpoint("3", "*0x109205",
                List.of(same), List.of(), false)));
        assertEquals(Optional.of("the second run has other code at the allocation's address (0x109205 is in"
                + " session_close, not queue_push): valgrind placed the program elsewhere, so its blocks cannot be"
                + " followed"), LostBlockTracer.movedCode(site, new GdbBreakpoint("3", "*0x109205", List.of(other),
                List.of(), false)));
    }

    @Test
    void aFunctionIsComparedWithoutItsParametersOrReturnType() {
        assertEquals("Inventory::restock", AllocationSite.bareName("Inventory::restock(std::string const&, int)"));
        assertEquals("", AllocationSite.bareName("???"));
    }
}
