package dev.vgharness.memcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Complaints found in the recorded answers of monitor commands, any command, prefixed or not. */
class MonitorComplaintsTest {

    @Test
    void findsTheDispatchersComplaintsAndNotItsHints() {
        assertEquals(List.of(new MonitorError(MonitorErrorKind.UNKNOWN_COMMAND, "command 'frobnicate' not recognised"),
                new MonitorError(MonitorErrorKind.AMBIGUOUS_COMMAND, "x can match xb xtmemory")),
                MonitorComplaints.find(Fixtures.read("memcheck/leaks.errors_dispatcher.txt")));
    }

    @Test
    void findsEveryBlockListComplaint() {
        assertEquals(List.of(MonitorErrorKind.INVALID_LOSS_RECORD, MonitorErrorKind.BAD_SLICE,
                MonitorErrorKind.BAD_SLICE, MonitorErrorKind.BAD_LIMIT),
                MonitorComplaints.find(Fixtures.read("memcheck/leaks.errors_block_list.txt")).stream()
                        .map(MonitorError::kind).toList());
    }

    @Test
    void anAcceptedCommandHasNone() {
        assertEquals(List.of(), MonitorComplaints.find(Fixtures.read("memcheck/leaks.n_errs_found.txt")));
        assertEquals(List.of(), MonitorComplaints.find(Fixtures.read("memcheck/leaks.leak_check_full_any.txt")));
    }

    @Test
    void aPrefixedComplaintIsFoundWithoutItsPrefix() {
        assertEquals(List.of(new MonitorError(MonitorErrorKind.NO_LEAK_SEARCH,
                "Can't print block list : no valid leak search result")),
                MonitorComplaints.find("==4242== Can't print block list : no valid leak search result\n"));
    }
}
