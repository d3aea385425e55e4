package dev.vgharness.result;

import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.memcheck.MemcheckError;
import java.util.List;

/**
 * Valgrind's own exit-time results, read from its {@code --xml} file.
 *
 * @param summary the leak summary, null when valgrind wrote none (killed, or no leak check)
 * @param complete false when the XML file was cut short (valgrind killed)
 * @param note what a person comparing with a plain valgrind run needs to know, or null: the loss-record numbers
 *     ("of 55" where the plain run says "of 36") count records that leak searches at stops left behind
 */
public record FinalResults(LeakSummary summary, List<LossRecordResult> lossRecords, List<MemcheckError> errors,
        boolean complete, String note) {

    /** Results without a note. */
    public FinalResults(LeakSummary summary, List<LossRecordResult> lossRecords, List<MemcheckError> errors,
            boolean complete) {
        this(summary, lossRecords, errors, complete, null);
    }

    public FinalResults {
        lossRecords = List.copyOf(lossRecords);
        errors = List.copyOf(errors);
    }

    /** The same results with a note (null for none). */
    public FinalResults withNote(String text) {
        return new FinalResults(summary, lossRecords, errors, complete, text);
    }

    /** Memcheck errors, each counted as often as it happened; leak records are never errors. */
    public long errorCount() {
        return errors.stream().mapToLong(MemcheckError::count).sum();
    }
}
