package dev.vgharness.memcheck;

import java.io.Reader;
import java.io.StringReader;
import java.util.List;

/**
 * A whole valgrind text log (stderr or {@code --log-file}): the errors, the HEAP SUMMARY, the end-of-run leak
 * search and the ERROR SUMMARY.
 * <pre>
 * ==9318== Invalid read of size 4
 * ==9318==    at 0x109176: main (errs.c:12)
 * ==9318==  Address 0x4a5a050 is 0 bytes after a block of size 16 alloc'd
 * ...
 * ==9318== HEAP SUMMARY:
 * ==9318==     in use at exit: 148 bytes in 4 blocks
 * </pre>
 *
 * @param leakCheck the last leak search of the log, or null when there was none
 * @param heapSummary null when the log has none (killed, or -q)
 * @param errorSummary null when the log has none
 */
public record ValgrindLog(List<MemcheckError> errors, HeapSummary heapSummary, LeakCheckAnswer leakCheck,
        ErrorSummary errorSummary) {

    public ValgrindLog {
        errors = List.copyOf(errors);
    }

    public static ValgrindLog parse(String text) {
        return parse(new StringReader(text));
    }

    public static ValgrindLog parse(Reader text) {
        MemcheckTextCollector collector = new MemcheckTextCollector();
        MemcheckTextParser.parse(text, MemcheckTextParser.Context.LEAK_CHECK, collector);
        List<LeakCheckAnswer> searches = collector.leakChecks();
        return new ValgrindLog(collector.logErrors(), collector.heapSummary(),
                searches.isEmpty() ? null : searches.get(searches.size() - 1), collector.errorSummary());
    }
}
