package dev.vgharness.memcheck;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One loss record: the header valgrind prints and its allocation stack.
 * <pre>
 * 64 (+64) (16 (+16) direct, 48 (+48) indirect) bytes in 1 (+1) blocks are definitely lost in loss record 7 of 7
 *    at 0x48417B4: malloc (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)
 *    by 0x109165: mk (tree.c:9)
 * </pre>
 * When the header has no "direct, indirect" part, {@code directBytes} equals {@code bytes} and {@code indirectBytes}
 * is 0; deltas are null when the text printed none.
 *
 * @param newRecord the 3.21+ {@code new} marker: the record had no blocks in the previous search
 */
public record LossRecord(
        int number,
        int of,
        LeakKind kind,
        long bytes,
        long directBytes,
        long indirectBytes,
        long blocks,
        Long bytesDelta,
        Long directBytesDelta,
        Long indirectBytesDelta,
        Long blocksDelta,
        boolean newRecord,
        List<StackFrame> stack) {

    public LossRecord {
        requireNonNull(kind, "kind is null");
        stack = List.copyOf(stack);
    }

    /** The same record with another stack. */
    public LossRecord withStack(List<StackFrame> frames) {
        return new LossRecord(number, of, kind, bytes, directBytes, indirectBytes, blocks, bytesDelta,
                directBytesDelta, indirectBytesDelta, blocksDelta, newRecord, frames);
    }

    /** The same record under another number, as a later search numbered it. */
    public LossRecord withNumber(int newNumber, int newOf) {
        return new LossRecord(newNumber, newOf, kind, bytes, directBytes, indirectBytes, blocks, bytesDelta,
                directBytesDelta, indirectBytesDelta, blocksDelta, newRecord, stack);
    }
}
