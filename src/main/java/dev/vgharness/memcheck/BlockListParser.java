package dev.vgharness.memcheck;

import java.io.Reader;
import java.io.StringReader;

/**
 * Parses the answer of {@code monitor block_list <nr>|<from>..<to> ...}: per record its header, stack and blocks
 * with their indirect trees, or the complaint.
 * <pre>
 * ==504== 64 (16 direct, 48 indirect) bytes in 1 blocks are definitely lost in loss record 7 of 7
 * ==504==    at 0x48417B4: malloc (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)
 * ==504== 0x4A40220[16]
 * ==504==   0x4A401D0[16] indirect loss record 6
 * ==504==     0x4A40130[16] indirect loss record 4
 * </pre>
 */
public final class BlockListParser {

    private BlockListParser() {
    }

    public static BlockListResult parse(String text) {
        return parse(new StringReader(text));
    }

    public static BlockListResult parse(Reader text) {
        MemcheckTextCollector collector = new MemcheckTextCollector();
        MemcheckTextParser.parse(text, MemcheckTextParser.Context.BLOCK_LIST, collector);
        return new BlockListResult(collector.blockLists(), collector.monitorErrors());
    }
}
