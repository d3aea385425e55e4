package dev.vgharness.memcheck;

/**
 * A block lost through another block, as {@code block_list} indents it: {@code   0x4A401D0[16] indirect loss record 6}.
 *
 * @param depth 1 for a block pointed at by the listed block, 2 for the next level, and so on
 */
public record IndirectBlock(long address, long size, int lossRecord, int depth) {
}
