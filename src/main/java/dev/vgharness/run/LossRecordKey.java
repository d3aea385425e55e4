package dev.vgharness.run;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.StackFrame;
import java.util.List;

/**
 * A loss record as Valgrind makes it within one run: its kind and its allocation stack, the frame addresses as
 * printed ({@code --num-callers} deep, an inlined call repeating its address). Two call sites in one function are
 * two records although their function names are the same; one record keeps its key from search to search.
 */
record LossRecordKey(LeakKind kind, List<Long> addresses) {

    LossRecordKey {
        requireNonNull(kind, "kind is null");
        addresses = List.copyOf(addresses);
    }

    static LossRecordKey of(LossRecord record) {
        return new LossRecordKey(record.kind(), record.stack().stream().map(StackFrame::address).toList());
    }
}
