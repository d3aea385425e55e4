package dev.vgharness.memcheck;

import java.util.List;

/**
 * The answer of one {@code who_points_at ADDR [LEN]}: the range searched, the pointers found (none is a normal
 * answer) and the heuristic notes.
 * <pre>
 * Searching for pointers pointing in 48 bytes from 0x4d6de00
 * *0x10c0a8 interior points at 8 bytes inside 0x4d6de00
 *  Address 0x10c0a8 is 0 bytes inside data symbol "g_arr"
 * block at 0x4d6de00 considered reachable by ptr 0x4d6de08 using newarray heuristic
 * </pre>
 */
public record PointerSearch(long address, long length, List<PointerOwner> pointers, List<HeuristicReach> heuristics) {

    public PointerSearch {
        pointers = List.copyOf(pointers);
        heuristics = List.copyOf(heuristics);
    }
}
