package dev.vgharness.memcheck;

/**
 * A block lost through another block, as {@code block_list} indents it: {@code   0x4A401D0[16] indirect loss record 6}.
 *
 * @param depth 1 for a block pointed at by the listed block, 2 for the next level, and so on
 * @param contents its first bytes, read from the stopped target when asked ({@code contents: N}); null otherwise
 */
public record IndirectBlock(long address, long size, int lossRecord, int depth, BlockContents contents) {

    /** A block as {@code block_list} prints it, its contents not read. */
    public IndirectBlock(long address, long size, int lossRecord, int depth) {
        this(address, size, lossRecord, depth, null);
    }

    public IndirectBlock withContents(BlockContents read) {
        return new IndirectBlock(address, size, lossRecord, depth, read);
    }
}
