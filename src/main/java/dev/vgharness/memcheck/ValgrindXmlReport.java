package dev.vgharness.memcheck;

import java.util.List;

/**
 * What a valgrind {@code --xml=yes} file holds (protocols 4, 5 and 6): errors, loss records, error and
 * suppression counts, status changes, and the protocol-6 summaries.
 *
 * @param protocolVersion {@code <protocolversion>}, or null when the file ended before it
 * @param states the {@code <status><state>} values in order ({@code RUNNING}, {@code FINISHED})
 * @param leakSummary protocol 6 {@code <leak_summary>}, else null
 * @param heapSummary protocol 6 {@code <heap_summary>}, else null
 * @param errorSummary protocol 6 {@code <error_summary>}, else null
 * @param complete false when the file was cut short (valgrind killed): the rest is what was there
 * @param ppid {@code <ppid>}: the parent of the process, or null when the file does not say
 * @param argv the program and its arguments ({@code <args><argv>}), empty when the file does not say
 * @param fatalSignal {@code <fatal_signal><signame>}: the signal that ended the process, or null
 */
public record ValgrindXmlReport(
        Integer protocolVersion,
        String tool,
        Long pid,
        List<MemcheckError> errors,
        List<LossRecord> lossRecords,
        List<ErrorCount> errorCounts,
        List<SuppressionCount> suppressionCounts,
        List<String> states,
        LeakSummary leakSummary,
        HeapSummary heapSummary,
        ErrorSummary errorSummary,
        boolean complete,
        Long ppid,
        List<String> argv,
        String fatalSignal) {

    /** A report without the process's parent, command or fatal signal. */
    public ValgrindXmlReport(Integer protocolVersion, String tool, Long pid, List<MemcheckError> errors,
            List<LossRecord> lossRecords, List<ErrorCount> errorCounts, List<SuppressionCount> suppressionCounts,
            List<String> states, LeakSummary leakSummary, HeapSummary heapSummary, ErrorSummary errorSummary,
            boolean complete) {
        this(protocolVersion, tool, pid, errors, lossRecords, errorCounts, suppressionCounts, states, leakSummary,
                heapSummary, errorSummary, complete, null, List.of(), null);
    }

    public ValgrindXmlReport {
        argv = List.copyOf(argv);
        errors = List.copyOf(errors);
        lossRecords = List.copyOf(lossRecords);
        errorCounts = List.copyOf(errorCounts);
        suppressionCounts = List.copyOf(suppressionCounts);
        states = List.copyOf(states);
    }

    /** One {@code <errorcounts><pair>}: how often the error with this unique id occurred. */
    public record ErrorCount(long unique, long count) {
    }

    /** One {@code <suppcounts><pair>}: how often a suppression was used. */
    public record SuppressionCount(String name, long count) {
    }
}
