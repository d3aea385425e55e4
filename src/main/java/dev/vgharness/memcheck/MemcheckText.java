package dev.vgharness.memcheck;

import java.util.List;

/**
 * Everything found in a Memcheck text of unknown content: monitor answers one after another, or a whole valgrind
 * log. Leak output is grouped into one {@link LeakCheckAnswer} per search.
 *
 * @param heapSummary the last HEAP SUMMARY, or null
 * @param errorSummary the last ERROR SUMMARY, or null
 */
public record MemcheckText(
        List<LeakCheckAnswer> leakChecks,
        List<BlockList> blockLists,
        List<PointerSearch> pointerSearches,
        List<MemcheckError> errors,
        List<ErrorCounts> errorCounts,
        List<MonitorError> monitorErrors,
        HeapSummary heapSummary,
        ErrorSummary errorSummary) {

    public MemcheckText {
        leakChecks = List.copyOf(leakChecks);
        blockLists = List.copyOf(blockLists);
        pointerSearches = List.copyOf(pointerSearches);
        errors = List.copyOf(errors);
        errorCounts = List.copyOf(errorCounts);
        monitorErrors = List.copyOf(monitorErrors);
    }

    /** Parses any Memcheck text; see {@link MemcheckTextParser.Context#AUTO} for how records are told apart. */
    public static MemcheckText parse(java.io.Reader reader) {
        MemcheckTextCollector collector = new MemcheckTextCollector();
        MemcheckTextParser.parse(reader, MemcheckTextParser.Context.AUTO, collector);
        return collector.result();
    }

    public static MemcheckText parse(String text) {
        return parse(new java.io.StringReader(text));
    }
}
