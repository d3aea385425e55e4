package dev.vgharness.memcheck;

import java.util.List;

/**
 * One block of a {@code block_list} answer with the blocks lost through it in print order (a tree flattened
 * depth-first, each with its depth): {@code 0x4D6DE00[48] (found via heuristic newarray)}.
 *
 * @param heuristic the heuristic that kept the block reachable, or null
 * @param contents its first bytes, read from the stopped target when asked ({@code contents: N}); null otherwise
 */
public record Block(long address, long size, String heuristic, List<IndirectBlock> indirect, BlockContents contents) {

    public Block {
        indirect = List.copyOf(indirect);
    }

    /** A block as {@code block_list} prints it, its contents not read. */
    public Block(long address, long size, String heuristic, List<IndirectBlock> indirect) {
        this(address, size, heuristic, indirect, null);
    }

    public Block withContents(BlockContents read, List<IndirectBlock> indirectRead) {
        return new Block(address, size, heuristic, indirectRead, read);
    }
}
