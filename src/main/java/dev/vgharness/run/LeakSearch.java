package dev.vgharness.run;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.memcheck.LossRecord;
import java.util.List;

/**
 * One leak search of a case as the harness knows it: the summary and every loss record, with deltas since the
 * previous search (whatever that one showed). The records are in Valgrind's order (ascending size) and include the
 * ones that vanished since the previous search (0 bytes in 0 blocks, negative deltas). A record's {@code number} is
 * its loss record number in the latest search, or 0 when that is not known (then it cannot be given to
 * {@code block_list} before a search at the same stop numbers it).
 *
 * @param summary the LEAK SUMMARY with the harness's deltas; per kind its delta is the sum of the records' deltas
 */
record LeakSearch(LeakSummary summary, List<LossRecord> records) {

    LeakSearch {
        requireNonNull(summary, "summary is null");
        records = List.copyOf(records);
    }
}
