package dev.vgharness.memcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * A listener that keeps everything, grouping loss records, summary, hints and complaints into one
 * {@link LeakCheckAnswer} per search: a group ends with its summary, "no leaks are possible" or xtree line (and
 * the hints after it), and the next leak output starts a new one.
 */
final class MemcheckTextCollector implements MemcheckListener {

    private final List<LeakCheckAnswer> leakChecks = new ArrayList<>();
    private final List<BlockList> blockLists = new ArrayList<>();
    private final List<PointerSearch> searches = new ArrayList<>();
    private final List<MemcheckError> errors = new ArrayList<>();
    private final List<ErrorCounts> counts = new ArrayList<>();
    private final List<MonitorError> monitorErrors = new ArrayList<>();
    private HeapSummary heapSummary;
    private ErrorSummary errorSummary;
    private int errorsBeforeSummary = -1;

    private List<LossRecord> records = new ArrayList<>();
    private List<String> hints = new ArrayList<>();
    private List<MonitorError> searchErrors = new ArrayList<>();
    private LeakSummary summary;
    private boolean noLeaks;
    private String xtreeFile;
    private boolean open;

    @Override
    public void lossRecord(LossRecord record) {
        closeIfEnded();
        records.add(record);
        open = true;
    }

    @Override
    public void leakSummary(LeakSummary leakSummary) {
        // in xtleak mode the "xtree leak report" line comes before the summary of the same search
        if (summary != null || noLeaks) {
            close();
        }
        summary = leakSummary;
        open = true;
    }

    @Override
    public void noLeaksPossible() {
        closeIfEnded();
        noLeaks = true;
        open = true;
    }

    @Override
    public void xtreeReport(String file) {
        closeIfEnded();
        xtreeFile = file;
        open = true;
    }

    @Override
    public void leakHint(String hint) {
        hints.add(hint);
        open = true;
    }

    @Override
    public void monitorError(MonitorError error) {
        monitorErrors.add(error);
        closeIfEnded();
        searchErrors.add(error);
    }

    @Override
    public void blockList(BlockList blockList) {
        blockLists.add(blockList);
    }

    @Override
    public void pointerSearch(PointerSearch search) {
        searches.add(search);
    }

    @Override
    public void memcheckError(MemcheckError error) {
        errors.add(error);
    }

    @Override
    public void errorCounts(ErrorCounts errorCounts) {
        counts.add(errorCounts);
    }

    @Override
    public void heapSummary(HeapSummary heap) {
        heapSummary = heap;
    }

    @Override
    public void errorSummary(ErrorSummary summaryOfErrors) {
        errorSummary = summaryOfErrors;
        if (errorsBeforeSummary < 0) {
            errorsBeforeSummary = errors.size();
        }
    }

    /** The leak searches so far, the open one included. */
    List<LeakCheckAnswer> leakChecks() {
        close();
        return List.copyOf(leakChecks);
    }

    /** Complaints not attached to any leak search (block_list, who_points_at, unknown commands). */
    List<MonitorError> pendingErrors() {
        return List.copyOf(searchErrors);
    }

    List<BlockList> blockLists() {
        return List.copyOf(blockLists);
    }

    List<PointerSearch> searches() {
        return List.copyOf(searches);
    }

    List<MemcheckError> errors() {
        return List.copyOf(errors);
    }

    /**
     * The errors of a log: with {@code -s} valgrind lists every error context again after the first ERROR SUMMARY,
     * with its count, so that list replaces the errors printed while the program ran.
     */
    List<MemcheckError> logErrors() {
        if (errorsBeforeSummary >= 0 && errors.size() > errorsBeforeSummary) {
            return List.copyOf(errors.subList(errorsBeforeSummary, errors.size()));
        }
        return List.copyOf(errors);
    }

    List<ErrorCounts> counts() {
        return List.copyOf(counts);
    }

    List<MonitorError> monitorErrors() {
        return List.copyOf(monitorErrors);
    }

    HeapSummary heapSummary() {
        return heapSummary;
    }

    ErrorSummary errorSummary() {
        return errorSummary;
    }

    MemcheckText result() {
        return new MemcheckText(leakChecks(), blockLists, searches, errors, counts, monitorErrors, heapSummary,
                errorSummary);
    }

    private void closeIfEnded() {
        if (summary != null || noLeaks || xtreeFile != null) {
            close();
        }
    }

    private void close() {
        if (open) {
            leakChecks.add(new LeakCheckAnswer(records, summary, noLeaks, xtreeFile, hints, searchErrors));
            searchErrors = new ArrayList<>();
        }
        records = new ArrayList<>();
        hints = new ArrayList<>();
        summary = null;
        noLeaks = false;
        xtreeFile = null;
        open = false;
    }
}
