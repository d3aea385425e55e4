package dev.vgharness.memcheck;

import static dev.vgharness.memcheck.Golden.MALLOC;
import static dev.vgharness.memcheck.Golden.answer;
import static dev.vgharness.memcheck.Golden.leaks;
import static dev.vgharness.memcheck.Golden.src;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WhoPointsAtParserTest {

    @Test
    void findsAnInteriorPointerInAGlobal() {
        WhoPointsAtResult result = WhoPointsAtParser.parse(answer("leaks.who_points_at_interior.txt"));

        assertEquals(new WhoPointsAtResult(new PointerSearch(0x4a40220, 64, List.of(
                new PointerOwner(0x10c048L, PointerLocation.GLOBAL, 0x4a40220, 8, true, null, null,
                        "Address 0x10c048 is 0 bytes inside data symbol \"g_interior\"", null, null, List.of())),
                List.of()), List.of()), result);
    }

    @Test
    void aPointerInsideAHeapBlockCarriesThatBlocksAllocationStack() {
        WhoPointsAtResult result = WhoPointsAtParser.parse(answer("leaks.who_points_at_tree.txt"));

        assertEquals(new WhoPointsAtResult(new PointerSearch(0x4a403a0, 1, List.of(
                new PointerOwner(0x4a40350L, PointerLocation.HEAP, 0x4a403a0, 0, false, null, null,
                        "Address 0x4a40350 is 0 bytes inside a block of size 16 alloc'd", 0L, 16L, List.of(MALLOC,
                                leaks(0x1091E4, "mk", "mk_alloc"), leaks(0x109295, "make_reachable", "reachable_tree"),
                                leaks(0x10931C, "main", "call_reachable")))),
                List.of()), List.of()), result);
    }

    @Test
    void aStackPointerInALiveFrameKeepsTheFrameLineInItsDescription() {
        for (String version : List.of("3.19", "3.27")) {
            PointerSearch search = WhoPointsAtParser.parse(answer("lost." + version + ".who_points_at_frame.txt"))
                    .search();
            long block = search.address();
            long slot = search.pointers().get(0).address();

            assertEquals(new PointerSearch(block, 32, List.of(
                    new PointerOwner(slot, PointerLocation.STACK, block, 0, false, 1, null, "Address 0x"
                            + Long.toHexString(slot) + " is on thread 1's stack\nin frame #0, created by parse_header"
                            + " (lost.c:26)", null, null, List.of()),
                    new PointerOwner(null, PointerLocation.REGISTER, block, 0, false, 1, "RAX", null, null, null,
                            List.of()),
                    new PointerOwner(null, PointerLocation.REGISTER, block, 0, false, 1, "RDX", null, null, null,
                            List.of())), List.of()), search, version);
        }
    }

    @Test
    void aStackPointerBelowTheStackPointerNamesNoFrame() {
        PointerSearch search = WhoPointsAtParser.parse(answer("lost.3.19.who_points_at_returned.txt")).search();

        assertEquals(new PointerSearch(0x4a40140, 32, List.of(
                new PointerOwner(0x1fff0005f8L, PointerLocation.STACK, 0x4a40140, 0, false, 1, null,
                        "Address 0x1fff0005f8 is on thread 1's stack", null, null, List.of()),
                new PointerOwner(null, PointerLocation.REGISTER, 0x4a40140, 0, false, 1, "RDI", null, null, null,
                        List.of())), List.of()), search);
    }

    @Test
    void classifiesStackSegmentAndDataSymbolOwners() {
        PointerSearch search = WhoPointsAtParser.parse(answer("leaks.who_points_at_nohit.txt")).search();

        assertEquals(List.of(
                new PointerOwner(0x483b288L, PointerLocation.OTHER, 0x1000, 0, false, null, null, "Address 0x483b288 is "
                        + "in a rw- mapped file /usr/libexec/valgrind/vgpreload_core-amd64-linux.so segment", null, null,
                        List.of()),
                new PointerOwner(0x483b290L, PointerLocation.OTHER, 0x1000, 0, false, null, null, "Address 0x483b290 is "
                        + "in a rw- mapped file /usr/libexec/valgrind/vgpreload_core-amd64-linux.so segment", null, null,
                        List.of()),
                new PointerOwner(0x4a34af0L, PointerLocation.GLOBAL, 0x1000, 0, false, null, null,
                        "Address 0x4a34af0 is 16 bytes inside data symbol \"__default_pthread_attr\"", null, null,
                        List.of()),
                new PointerOwner(0x1fff0008a0L, PointerLocation.STACK, 0x1000, 0, false, 1, null,
                        "Address 0x1fff0008a0 is on thread 1's stack", null, null, List.of())), search.pointers());
        assertEquals(8, search.length());
    }

    @Test
    void parsesHeuristicNotesAndRegisters() {
        String text = answer("sample319.heur.gdb.stderr");
        String answer = text.substring(text.indexOf("==9384== Searching for pointers pointing in 40 bytes"),
                text.indexOf("==9384== Searching for pointers pointing in 72 bytes"));

        assertEquals(new WhoPointsAtResult(new PointerSearch(0x4d6dd90, 40, List.of(
                new PointerOwner(0x10c0a0L, PointerLocation.GLOBAL, 0x4d6dd90, 16, true, null, null,
                        "Address 0x10c0a0 is 0 bytes inside data symbol \"g_mi\"", null, null, List.of()),
                new PointerOwner(null, PointerLocation.REGISTER, 0x4d6dd90, 0, false, 1, "RBX", null, null, null,
                        List.of())),
                List.of(new HeuristicReach(0x4d6dd90, 0x4d6dda0, "multipleinheritance"))), List.of()),
                WhoPointsAtParser.parse(answer));
    }

    @Test
    void everyMatchingHeuristicIsListed() {
        WhoPointsAtResult result = WhoPointsAtParser.parse(answer("heur.who_points_at_newarray.txt"));

        assertEquals(List.of(new HeuristicReach(0x4d6dc80, 0x4d6dc88, "newarray")), result.search().heuristics());
        assertEquals(1, result.search().pointers().size());
    }

    @Test
    void keepsGlobalVariableDescriptionsAndSkipsDebugLines() {
        String text = answer("sample319.tree.gdb.stderr");
        String answer = text.substring(0, text.indexOf("==29100== Searching for pointers pointing in 16"));

        assertEquals(new PointerSearch(0x4a40220, 1, List.of(
                new PointerOwner(0x10c028L, PointerLocation.GLOBAL, 0x4a40220, 0, false, null, null,
                        "Location 0x10c028 is 0 bytes inside global var \"g_root\"\ndeclared at tree.c:5", null, null,
                        List.of()),
                new PointerOwner(null, PointerLocation.REGISTER, 0x4a40220, 0, false, 1, "RAX", null, null, null,
                        List.of())), List.of()), WhoPointsAtParser.parse(answer).search());
    }

    @Test
    void aSearchWithoutHitsHasNoPointers() {
        String text = answer("sample319.mt_wpa.gdb.stderr");
        String answer = text.substring(text.indexOf("==1109== Searching for pointers to 0x52412e0"),
                text.indexOf("==1109== Searching for pointers pointing in 8 bytes"));

        assertEquals(new WhoPointsAtResult(new PointerSearch(0x52412e0, 1, List.of(), List.of()), List.of()),
                WhoPointsAtParser.parse(answer));
    }

    @Test
    void aStackOwnerKnowsItsThreadAndFrame() {
        String text = answer("sample319.mt_wpa.gdb.stderr");
        String answer = text.substring(text.indexOf("==1109== Searching for pointers pointing in 8 bytes"),
                text.indexOf(" Address 0x5241340 is 0 bytes inside"));

        assertEquals(new PointerSearch(0x5241340, 8, List.of(new PointerOwner(0x5e40ec8L, PointerLocation.STACK,
                0x5241340, 0, false, 3, null,
                "Address 0x5e40ec8 is on thread 3's stack\nin frame #3, created by worker (mt.c:15)", null, null,
                List.of())), List.of()), WhoPointsAtParser.parse(answer).search());
    }

    @Test
    void refusedSearchesAreTyped() {
        WhoPointsAtResult result = WhoPointsAtParser.parse(answer("leaks.errors_who_points_at.txt"));

        assertEquals(new WhoPointsAtResult(null, List.of(
                new MonitorError(MonitorErrorKind.CANNOT_SEARCH, "Cannot search who points at 0x0"),
                new MonitorError(MonitorErrorKind.BAD_ADDRESS, "missing or malformed address"))), result);
    }

    @Test
    void dispatcherComplaintsAreTyped() {
        MemcheckText text = MemcheckText.parse(answer("leaks.errors_dispatcher.txt"));

        assertEquals(List.of(
                new MonitorError(MonitorErrorKind.UNKNOWN_COMMAND, "command 'frobnicate' not recognised"),
                new MonitorError(MonitorErrorKind.AMBIGUOUS_COMMAND, "x can match xb xtmemory")), text.monitorErrors());
    }

    @Test
    void readsErrorCounts() {
        assertEquals(java.util.Optional.of(new ErrorCounts(0, 17, 999999, "after first")),
                ErrorCountParser.parse(answer("leaks.n_errs_found.txt")));
        assertEquals(java.util.Optional.of(new ErrorCounts(1, 1, 0, "")),
                ErrorCountParser.parse("n_errs_found 1 n_errs_shown 1 (vgdb-error 0) \n"));
        assertEquals(java.util.Optional.empty(), ErrorCountParser.parse("command 'v.inf' not recognised\n"));
    }

    @Test
    void frameDescriptionsKeepCppNamesWhole() {
        assertEquals(src(0x10954F, "std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >"
                + "::basic_string<std::allocator<char> >(unsigned long, char, std::allocator<char> const&)",
                "basic_string.h", 659), FrameLines.parse("   by 0x10954F: std::__cxx11::basic_string<char, "
                + "std::char_traits<char>, std::allocator<char> >::basic_string<std::allocator<char> >(unsigned long, "
                + "char, std::allocator<char> const&) (basic_string.h:659)"));
        assertEquals(new StackFrame(0x49007B9, "???", null, null, "/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30"),
                FrameLines.parse("   by 0x49007B9: ??? (in /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30)"));
        assertEquals(new StackFrame(0x4005A1, "???", null, null, null), FrameLines.parse("   by 0x4005A1: ???"));
        assertEquals(new StackFrame(0x4005A1, "(below main)", null, null, null),
                FrameLines.parse("   by 0x4005A1: (below main)"));
        assertEquals(src(0x48E4DAE, "pthread_create@@GLIBC_2.34", "pthread_create.c", 650),
                FrameLines.parse("   by 0x48E4DAE: pthread_create@@GLIBC_2.34 (pthread_create.c:650)"));
    }
}
