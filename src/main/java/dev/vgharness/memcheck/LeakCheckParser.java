package dev.vgharness.memcheck;

import java.io.Reader;
import java.io.StringReader;
import java.util.List;

/**
 * Parses the answer of one {@code monitor leak_check ...} in any mode (full, summary, xtleak, limited, with deltas),
 * with or without the {@code ==PID==} prefix.
 * <pre>
 * ==7394== 16 bytes in 1 blocks are definitely lost in loss record 1 of 7
 * ==7394==    at 0x48417B4: malloc (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)
 * ==7394==
 * ==7394== LEAK SUMMARY:
 * </pre>
 */
public final class LeakCheckParser {

    private LeakCheckParser() {
    }

    public static LeakCheckAnswer parse(String text) {
        return parse(new StringReader(text));
    }

    /**
     * Parses one answer. Complaints such as {@code max_loss_records_output must be >= 1, got 0} are in
     * {@link LeakCheckAnswer#errors()}; when the text holds several searches, the last one is returned.
     */
    public static LeakCheckAnswer parse(Reader text) {
        List<LeakCheckAnswer> all = parseAll(text);
        return all.isEmpty() ? new LeakCheckAnswer(List.of(), null, false, null, List.of(), List.of())
                : all.get(all.size() - 1);
    }

    /** Every search in a text holding several leak_check answers, in order. */
    public static List<LeakCheckAnswer> parseAll(Reader text) {
        MemcheckTextCollector collector = new MemcheckTextCollector();
        MemcheckTextParser.parse(text, MemcheckTextParser.Context.LEAK_CHECK, collector);
        List<LeakCheckAnswer> searches = collector.leakChecks();
        List<MonitorError> unattached = collector.pendingErrors();
        if (searches.isEmpty() && !unattached.isEmpty()) {
            return List.of(new LeakCheckAnswer(List.of(), null, false, null, List.of(), unattached));
        }
        return searches;
    }
}
