package dev.vgharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.memcheck.StackFrame;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.FinalResults;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.RunStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The block a live run prints as a case ends: the summary's, with what is behind each FAILED line under it. */
class CaseBlockTest {

    private static final StackFrame MALLOC = new StackFrame(0x4848899L, "malloc", "vg_replace_malloc.c", 381,
            "/usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so");
    private static final SourceRoots NONE = new SourceRoots(List.of());

    private static LossRecordResult lost(int number, long bytes, String function, int line, boolean baseline) {
        LossRecord r = new LossRecord(number, 5, LeakKind.DEFINITELY_LOST, bytes, bytes, 0, 1, null, null, null, null,
                false,
                List.of(MALLOC, new StackFrame(0x109200L + line, function, "leaky.c", line, "/t/leaky")));
        return new LossRecordResult(r, baseline, List.of("-"));
    }

    @Test
    void underAFailedLeakLineComeTheBiggestRecordsOfItsKindWithTheirFirstOwnFrameBaselineLeftOut() {
        List<LossRecordResult> records = List.of(lost(1, 16, "small", 10, false), lost(2, 900, "known", 11, true),
                lost(3, 280, "make_tree", 19, false), lost(4, 40, "parse", 30, false), lost(5, 24, "other", 40, false));
        Assertion failed = new Assertion("definitely_lost_bytes", "== 0", 360L, false,
                "definitely_lost_bytes: expected == 0, was 360");
        CaseResult c = new CaseResult("leaky", RunStatus.FAILED, null, List.of("./leaky"), 1, 1500, List.of(),
                CaseExit.exited(0), new FinalResults(null, records, List.of(), true), List.of(failed), "", null);

        assertEquals("""
                FAIL   leaky (1.5 s, 0 stops, exited 0)
                         FAILED definitely_lost_bytes: expected == 0, was 360
                           definitely_lost 280 B in 1 blocks, loss record 3 of 5, at make_tree leaky.c:19
                           definitely_lost 40 B in 1 blocks, loss record 4 of 5, at parse leaky.c:30
                           definitely_lost 24 B in 1 blocks, loss record 5 of 5, at other leaky.c:40
                           ... and 1 more definitely_lost records
                """, TextSummary.caseBlock(c, NONE));
    }

    @Test
    void underAFailedErrorsLineComesEveryErrorWithItsKindAndFirstOwnFrame() {
        MemcheckError read = new MemcheckError("InvalidRead", "Invalid read of size 4", 2,
                List.of(new StackFrame(0x1091a0L, "bad_read", "errs.c", 10, "/t/errs")), null, List.of(), List.of(),
                null, null, null);
        Assertion failed = new Assertion("errors", "== 0", 2L, false, "errors: expected == 0, was 2");
        CaseResult c = new CaseResult("errs", RunStatus.FAILED, null, List.of("./errs"), 1, 1000, List.of(),
                CaseExit.exited(0), new FinalResults(null, List.of(), List.of(read), true), List.of(failed), "", null);

        String block = TextSummary.caseBlock(c, NONE);

        assertEquals(List.of("FAIL   errs (1.0 s, 0 stops, exited 0)",
                "       error InvalidRead (2 times) at bad_read errs.c:10: Invalid read of size 4",
                "         FAILED errors: expected == 0, was 2",
                "           error InvalidRead (2 times) at bad_read errs.c:10: Invalid read of size 4"),
                block.lines().toList());
    }
}
