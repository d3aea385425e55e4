package dev.vgharness.memcheck;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The answer of {@code block_list} for one loss record: its header and stack, then its blocks.
 * <pre>
 * 64 (16 direct, 48 indirect) bytes in 1 blocks are definitely lost in loss record 7 of 7
 *    at 0x48417B4: malloc (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)
 * 0x4A40220[16]
 *   0x4A401D0[16] indirect loss record 6
 * </pre>
 */
public record BlockList(int lossRecord, LossRecord header, List<Block> blocks) {

    public BlockList {
        requireNonNull(header, "header is null");
        blocks = List.copyOf(blocks);
    }

    public BlockList(LossRecord header, List<Block> blocks) {
        this(header.number(), header, blocks);
    }
}
