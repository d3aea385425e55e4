package dev.vgharness.memcheck;

import static dev.vgharness.memcheck.Golden.MALLOC;
import static dev.vgharness.memcheck.Golden.VGPRELOAD;
import static dev.vgharness.memcheck.Golden.answer;
import static dev.vgharness.memcheck.Golden.obj;
import static dev.vgharness.memcheck.Golden.totals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vgharness.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValgrindLogTest {

    static final StackFrame FREE = obj(0x484417B, "free", VGPRELOAD);

    static StackFrame errs(long address, String function, String mark) {
        return new StackFrame(address, function, "errs.c", Fixtures.line("src/errs.c", mark), null);
    }

    static final StackFrame MAIN_READ = errs(0x10927F, "main", "call_bad_read");
    static final StackFrame MAIN_WRITE = errs(0x109291, "main", "call_bad_write");
    static final StackFrame MAIN_FREE = errs(0x10929B, "main", "call_double_free");
    static final StackFrame MAIN_LEAK = errs(0x1092A0, "main", "call_leak");

    private static String suppression(String kind, String... frames) {
        StringBuilder text = new StringBuilder("{\n   <insert_a_suppression_name_here>\n   " + kind + "\n");
        for (String frame : frames) {
            text.append("   ").append(frame).append('\n');
        }
        return text.append("}\n").toString();
    }

    static final MemcheckError INVALID_FREE = new MemcheckError("InvalidFree",
            "Invalid free() / delete / delete[] / realloc()", 1,
            List.of(FREE, errs(0x109226, "double_free", "double_free"), MAIN_FREE),
            "Address 0x4a40180 is 0 bytes inside a block of size 8 free'd",
            List.of(FREE, errs(0x10921A, "double_free", "free_first"), MAIN_FREE),
            List.of(new ErrorNote("Block was alloc'd at",
                    List.of(MALLOC, errs(0x10920A, "double_free", "free_alloc"), MAIN_FREE))),
            suppression("Memcheck:Free", "fun:free", "fun:double_free", "fun:main"), null, null);
    static final MemcheckError UNINIT = new MemcheckError("UninitCondition",
            "Conditional jump or move depends on uninitialised value(s)", 1,
            List.of(errs(0x1091D9, "uninit", "uninit"), errs(0x109296, "main", "call_uninit")), null, List.of(),
            List.of(), suppression("Memcheck:Cond", "fun:uninit", "fun:main"), null, null);
    static final MemcheckError INVALID_WRITE = new MemcheckError("InvalidWrite", "Invalid write of size 1", 1,
            List.of(errs(0x1091A8, "bad_write", "bad_write"), MAIN_WRITE),
            "Address 0x4a400ea is 0 bytes after a block of size 10 alloc'd",
            List.of(MALLOC, errs(0x10919B, "bad_write", "write_alloc"), MAIN_WRITE), List.of(),
            suppression("Memcheck:Addr1", "fun:bad_write", "fun:main"), null, null);
    static final MemcheckError INVALID_READ = new MemcheckError("InvalidRead", "Invalid read of size 4", 2,
            List.of(errs(0x109173, "bad_read", "bad_read"), MAIN_READ),
            "Address 0x4a40050 is 0 bytes after a block of size 16 alloc'd",
            List.of(MALLOC, errs(0x10916A, "bad_read", "read_alloc"), MAIN_READ), List.of(),
            suppression("Memcheck:Addr4", "fun:bad_read", "fun:main"), null, null);

    static final List<LossRecord> LOSS_RECORDS = List.of(
            Golden.record(1, 2, LeakKind.INDIRECTLY_LOST, 4, 1, MALLOC, errs(0x109249, "leak", "int_alloc"), MAIN_LEAK),
            new LossRecord(2, 2, LeakKind.DEFINITELY_LOST, 20, 16, 4, 1, null, null, null, null, false,
                    List.of(MALLOC, errs(0x10923B, "leak", "pair_alloc"), MAIN_LEAK)));
    static final LeakSummary SUMMARY = new LeakSummary(totals(16, 1), totals(4, 1), totals(0, 0), totals(0, 0),
            totals(0, 0), List.of());

    @Test
    void readsErrorsWithCountsAuxiliaryStacksAndSuppressionsHeapAndLeakSummaries() {
        ValgrindLog log = ValgrindLog.parse(answer("errs.valgrind.log"));

        assertEquals(new ValgrindLog(List.of(INVALID_FREE, UNINIT, INVALID_WRITE, INVALID_READ),
                new HeapSummary(20, 2, 7, 6, 74),
                new LeakCheckAnswer(LOSS_RECORDS, SUMMARY, false, null, List.of(), List.of()),
                new ErrorSummary(6, 5, 0, 0)), log);
    }

    @Test
    void readsATimeStampedLogWithoutErrorList() {
        ValgrindLog log = ValgrindLog.parse(answer("errs.timestamp.valgrind.log"));

        List<MemcheckError> withoutSuppressions = List.of(INVALID_READ, INVALID_WRITE, UNINIT, INVALID_FREE).stream()
                .map(e -> new MemcheckError(e.kind(), e.what(), 1, e.stack(), e.auxiliary(), e.auxiliaryStack(),
                        e.notes(), null, null, null)).toList();
        assertEquals(new ValgrindLog(withoutSuppressions, new HeapSummary(20, 2, 7, 6, 74),
                new LeakCheckAnswer(LOSS_RECORDS, SUMMARY, false, null, List.of(), List.of()),
                new ErrorSummary(6, 5, 0, 0)), log);
    }

    @Test
    void aHeapSummaryLineWhoseNumbersCannotBeReadIsAnErrorNotAZero() {
        String log = answer("errs.valgrind.log").replace("in use at exit: 20 bytes in 2 blocks",
                "in use at exit: 20 bytes in two blocks");

        MemcheckTextException e = assertThrows(MemcheckTextException.class, () -> ValgrindLog.parse(log));

        assertEquals("a HEAP SUMMARY line whose numbers cannot be read: 'in use at exit: 20 bytes in two blocks'",
                e.problem());
    }
}
