package dev.vgharness.run;

import dev.vgharness.memcheck.LeakCheckAnswer;
import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.memcheck.ValgrindXmlReport;
import dev.vgharness.result.FinalResults;
import dev.vgharness.result.StopLeakCheck;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns successive leak-check answers of one target into {@link StopLeakCheck}s with the harness's deltas (since
 * the previous check, matched by leak identity), as {@code run} computes them; for callers outside a plan, such as
 * the REPL. Not thread-safe: one per target.
 * <pre>
 * definitely lost: 96 (+32) bytes in 2 (+1) blocks     the delta is the harness's own, whatever valgrind printed
 * </pre>
 */
public final class LeakCheckSeries {

    private final LeakHistory history = new LeakHistory();

    /**
     * The report for one answer, or empty when it did not search or printed no LEAK SUMMARY (the previous check
     * stays the base of the next deltas then).
     */
    public Optional<StopLeakCheck> report(String command, LeakCheckAnswer result, String text) {
        Objects.requireNonNull(result, "result is null");
        if (!result.searched() || (result.summary() == null && !result.noLeaksPossible())) {
            return Optional.empty();
        }
        var summary = result.noLeaksPossible() ? LeakSummary.zero() : result.summary();
        return Optional.of(new StopLeakCheck(command, history.summary(summary),
                history.records(result.lossRecords(), KnownLeaks.NONE), text));
    }

    /**
     * Valgrind's exit-time results from its XML report, with deltas since the last check, as {@code run} reports
     * them; before valgrind 3.26 the XML has no leak summary and the loss records are added up.
     */
    public FinalResults finalResults(ValgrindXmlReport xml) {
        Objects.requireNonNull(xml, "xml is null");
        var records = history.records(xml.lossRecords(), KnownLeaks.NONE);
        LeakSummary summary = xml.leakSummary() != null ? xml.leakSummary() : LeakSummary.ofRecords(xml.lossRecords());
        return new FinalResults(history.summary(summary), records, xml.errors(), xml.complete());
    }
}
