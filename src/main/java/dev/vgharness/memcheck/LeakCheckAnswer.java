package dev.vgharness.memcheck;

import java.util.List;

/**
 * The answer of one {@code leak_check} (or the leak part of a valgrind log).
 * <pre>
 * 16 bytes in 1 blocks are definitely lost in loss record 1 of 7
 *    at 0x48417B4: malloc (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)
 *    by 0x10919E: make_definite (leaks.c:12)
 *
 * LEAK SUMMARY:
 *    definitely lost: 16 bytes in 1 blocks
 *    ...
 * </pre>
 *
 * @param summary the LEAK SUMMARY, or null (with {@code -q}, {@code no leaks possible}, or a skipped search)
 * @param noLeaksPossible the answer was {@code All heap blocks were freed -- no leaks are possible}
 * @param xtreeFile the file named by {@code xtree leak report: FILE} (xtleak mode), or null
 * @param hints the hint lines after the summary ({@code To see details of leaked memory, ...})
 * @param errors complaints of the command; a search may still have run
 */
public record LeakCheckAnswer(
        List<LossRecord> lossRecords,
        LeakSummary summary,
        boolean noLeaksPossible,
        String xtreeFile,
        List<String> hints,
        List<MonitorError> errors) {

    public LeakCheckAnswer {
        lossRecords = List.copyOf(lossRecords);
        hints = List.copyOf(hints);
        errors = List.copyOf(errors);
    }

    /** True when a search ran (something besides complaints was printed). */
    public boolean searched() {
        return summary != null || noLeaksPossible || xtreeFile != null || !lossRecords.isEmpty();
    }
}
