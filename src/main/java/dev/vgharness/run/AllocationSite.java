package dev.vgharness.run;

import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.StackFrame;
import dev.vgharness.vgdb.GdbFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a loss record's blocks are allocated, as an instruction to stop at in the second run: the return address of
 * the allocator's call in its caller (valgrind prints a caller frame's address one before the return address:
 * {@code by 0x1091A4: parse_header (lost.c:24)} for a call returning to 0x1091A5), where the new block's address is
 * the allocator's return value. The callers above must be the record's too: the same code is often reached from
 * elsewhere. Valgrind places the program and its libraries at the same addresses in every run, so the first run's
 * addresses hold in the second.
 *
 * @param record the loss record (of the first run)
 * @param returnAddress where the allocator returns into its caller
 * @param callers the return addresses of the frames above, innermost first
 * @param wholeBlock true to count pointers anywhere into a block (definite), false for start pointers only
 *     (possible: a possibly lost block keeps its interior pointers)
 */
record AllocationSite(LossRecord record, long returnAddress, List<Long> callers, boolean wholeBlock) {

    AllocationSite {
        callers = List.copyOf(callers);
    }

    /** The site of a record, or empty when its stack has no caller of the allocator. */
    static Optional<AllocationSite> of(LossRecord record) {
        List<Long> returns = new ArrayList<>();
        for (StackFrame frame : record.stack()) {
            long ret = frame.address() + 1;
            // Inlined calls repeat the address of the frame they are inlined into.
            if (returns.isEmpty() || returns.get(returns.size() - 1) != ret) {
                returns.add(ret);
            }
        }
        if (returns.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(new AllocationSite(record, returns.get(1), returns.subList(2, returns.size()),
                record.kind() != LeakKind.POSSIBLY_LOST));
    }

    /** Whether a stop at {@link #returnAddress} came through the record's callers ({@code frames}: gdb's stack). */
    boolean calledFrom(List<GdbFrame> frames) {
        List<Long> pcs = new ArrayList<>();
        for (GdbFrame frame : frames.subList(Math.min(1, frames.size()), frames.size())) {
            if (pcs.isEmpty() || pcs.get(pcs.size() - 1) != frame.address()) {
                pcs.add(frame.address());
            }
        }
        int n = Math.min(pcs.size(), callers.size());
        return n == callers.size() || n == pcs.size() ? pcs.subList(0, n).equals(callers.subList(0, n)) : false;
    }

    /** A function's name without its parameters ({@code Inventory::restock(...)}); "" for none or {@code ???}. */
    static String bareName(String function) {
        if (function == null || function.equals("???")) {
            return "";
        }
        int paren = function.indexOf('(');
        return (paren < 0 ? function : function.substring(0, paren)).strip();
    }

    /** {@code parse_header (lost.c:24)}: the line that allocates. */
    String label() {
        StackFrame caller = record.stack().size() > 1 ? record.stack().get(1) : record.stack().get(0);
        return LostNames.place(caller.function(), caller.file(), caller.line());
    }
}
