package dev.vgharness.memcheck;

import java.util.List;

/**
 * One block of a {@code block_list} answer with the blocks lost through it in print order (a tree flattened
 * depth-first, each with its depth): {@code 0x4D6DE00[48] (found via heuristic newarray)}.
 *
 * @param heuristic the heuristic that kept the block reachable, or null
 */
public record Block(long address, long size, String heuristic, List<IndirectBlock> indirect) {

    public Block {
        indirect = List.copyOf(indirect);
    }
}
