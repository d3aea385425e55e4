package dev.vgharness.report;

import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.ChildProcess;
import dev.vgharness.result.FinalResults;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.StopLeakCheck;
import dev.vgharness.result.StopResult;
import java.util.List;
import java.util.function.Predicate;

/**
 * A run with only the loss records that pass a test, everywhere (every stop's leak check and the exit-time
 * results). The summaries stay as valgrind printed them. Used by {@code --own-code-only}: records with no frame in
 * the user's sources leave the reports (the metrics already left them out, through the run's baseline predicate).
 */
public final class LossRecordFilter {

    private LossRecordFilter() {
    }

    public static RunResult keep(RunResult run, Predicate<LossRecord> keep) {
        List<CaseResult> cases = run.cases().stream().map(c -> keep(c, keep)).toList();
        return new RunResult(run.tool(), run.plan(), run.environment(), run.startedAt(), run.durationMs(),
                run.status(), run.build(), cases);
    }

    /** Keeps the records with at least one frame under a source root. */
    public static RunResult ownCodeOnly(RunResult run, SourceRoots roots) {
        return keep(run, r -> roots.firstOwnFrame(r.stack()).isPresent());
    }

    /** One case as {@link #ownCodeOnly(RunResult, SourceRoots)} keeps it: a case block printed as the case ends. */
    public static CaseResult ownCodeOnly(CaseResult c, SourceRoots roots) {
        return keep(c, r -> roots.firstOwnFrame(r.stack()).isPresent());
    }

    private static CaseResult keep(CaseResult c, Predicate<LossRecord> keep) {
        List<ChildProcess> children = c.children().stream()
                .map(child -> child.withStops(keepInStops(child.stops(), keep), keep(child.finalResults(), keep))).toList();
        return c.withStops(keepInStops(c.stops(), keep), keep(c.finalResults(), keep)).withChildren(children);
    }

    private static List<StopResult> keepInStops(List<StopResult> stops, Predicate<LossRecord> keep) {
        return stops.stream().map(s -> keep(s, keep)).toList();
    }

    private static FinalResults keep(FinalResults fin, Predicate<LossRecord> keep) {
        return fin == null ? null : new FinalResults(fin.summary(), keep(fin.lossRecords(), keep), fin.errors(),
                fin.complete(), fin.note());
    }

    private static StopResult keep(StopResult s, Predicate<LossRecord> keep) {
        StopLeakCheck check = s.leakCheck() == null ? null : new StopLeakCheck(s.leakCheck().command(),
                s.leakCheck().summary(), keep(s.leakCheck().lossRecords(), keep), s.leakCheck().output());
        return s.withLeakCheck(check);
    }

    private static List<LossRecordResult> keep(List<LossRecordResult> records, Predicate<LossRecord> keep) {
        return records.stream().filter(r -> keep.test(r.record())).toList();
    }
}
