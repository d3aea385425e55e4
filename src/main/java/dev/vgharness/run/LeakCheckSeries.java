package dev.vgharness.run;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.LeakCheckAnswer;
import dev.vgharness.memcheck.LeakCheckParser;
import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.MonitorError;
import dev.vgharness.memcheck.ValgrindXmlReport;
import dev.vgharness.plan.LeakCheckAction;
import dev.vgharness.plan.LeakCheckAction.Delta;
import dev.vgharness.plan.LeakCheckAction.Heuristic;
import dev.vgharness.plan.LeakCheckAction.Mode;
import dev.vgharness.plan.LossKind;
import dev.vgharness.result.FinalResults;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.StopLeakCheck;
import dev.vgharness.vgdb.MiSessionException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The leak checks of one target, for the plan runner and the REPL alike. Whatever a check asks to see, the harness
 * asks Valgrind for every record that changed since the previous search and keeps the whole set itself
 * ({@link LeakHistory}); the check shows what it asked for ({@link LeakView}) with deltas that are Valgrind's own:
 * <pre>
 * asked:  leak_check full kinds possible any heuristics all
 * sent:   leak_check full reachable changed heuristics all     (little text once the first stop is past)
 * shown:  the possibly lost records, each with its deltas since the previous search, whatever that one showed
 * </pre>
 * A complete search ({@code any}) follows at the same stop only when it is needed: the answer does not add up (a
 * search the harness did not make came between), the numbers of unchanged records are not known (a suppressed record
 * takes a number too), or the check is {@code xtleak} (whose file holds Valgrind's own deltas, so it goes first).
 * Not thread-safe: one per target.
 */
public final class LeakCheckSeries {

    /** Sends one monitor command to the stopped target and returns its text. */
    @FunctionalInterface
    public interface Monitor {
        String send(String command) throws MiSessionException;
    }

    private final LeakHistory history = new LeakHistory();
    private LeakSearch latest;
    private Check last;

    /**
     * Answers a check at the current stop.
     *
     * @param command what was asked, as the report names it
     * @param baseline the known leaks, which count in no metric
     */
    public StopLeakCheck check(String command, LeakCheckAction action, Predicate<LossRecord> baseline, Monitor monitor)
            throws MiSessionException, LeakCheckFailure {
        requireNonNull(command, "command is null");
        Check check = new Check(command, action, baseline, new StringBuilder());
        LeakSearch search = action.mode() == Mode.XTLEAK ? xtleak(check, monitor) : tracked(check, monitor);
        if (LeakView.lacksNumbers(LeakView.shown(action, search.records()))) {
            search = history.renumbered(search, search(complete(action), check, monitor));
        }
        latest = search;
        last = check;
        return lastCheck();
    }

    /**
     * The live records of the latest search, each with its loss record number there, as {@code block_list} needs
     * them. When some numbers are not known a complete search at the same stop tells them, and
     * {@link #lastCheck()} shows those.
     */
    public List<LossRecord> numberedRecords(Monitor monitor) throws MiSessionException, LeakCheckFailure {
        requireNonNull(last, "no leak check yet");
        if (!latest.numbered()) {
            latest = history.renumbered(latest, search(complete(last.action()), last, monitor));
        }
        return latest.live();
    }

    /** The latest check, with the numbers of the latest search. */
    public StopLeakCheck lastCheck() {
        requireNonNull(last, "no leak check yet");
        List<LossRecordResult> shown = results(LeakView.shown(last.action(), latest.records()), last.baseline());
        return new StopLeakCheck(last.command(), latest.summary(), shown, last.texts().toString());
    }

    /** Every record of the latest search, shown or not (the gone ones too): what the metrics read. */
    public List<LossRecordResult> allRecords() {
        requireNonNull(last, "no leak check yet");
        return results(latest.records(), last.baseline());
    }

    /**
     * Valgrind's exit-time results from its XML report, with deltas since the latest search; before valgrind 3.26 the
     * XML has no leak summary and the loss records are added up. A file cut short (valgrind killed) had no exit-time
     * leak search: no summary rather than zeros.
     */
    public FinalResults finalResults(ValgrindXmlReport xml, Predicate<LossRecord> baseline) {
        requireNonNull(xml, "xml is null");
        List<LossRecordResult> records = results(history.atExit(xml.lossRecords()), baseline);
        LeakSummary summary = xml.leakSummary() != null ? xml.leakSummary()
                : xml.complete() ? LeakSummary.ofRecords(xml.lossRecords()) : null;
        return new FinalResults(summary == null ? null : history.atExit(summary), records, xml.errors(),
                xml.complete());
    }

    /** What the tracking search printed, or a complete search when that does not add up. */
    private LeakSearch tracked(Check check, Monitor monitor) throws MiSessionException, LeakCheckFailure {
        Optional<LeakSearch> search = history.changed(search(tracking(check.action()), check, monitor));
        return search.isPresent() ? search.get() : history.complete(search(complete(check.action()), check, monitor));
    }

    /** The xtree file is written with Valgrind's own deltas, so it searches first; a complete search follows. */
    private LeakSearch xtleak(Check check, Monitor monitor) throws MiSessionException, LeakCheckFailure {
        search(check.action().monitorCommand(), check, monitor);
        return history.complete(search(complete(check.action()), check, monitor));
    }

    private static LeakCheckAnswer search(String words, Check check, Monitor monitor)
            throws MiSessionException, LeakCheckFailure {
        String text = monitor.send(words);
        check.texts().append(text);
        LeakCheckAnswer answer = LeakCheckParser.parse(text);
        if (!answer.searched()) {
            throw new LeakCheckFailure("'" + words + "' did not search: " + MonitorError.complaint(answer.errors(), text));
        }
        if (answer.summary() == null && !answer.noLeaksPossible()) {
            throw new LeakCheckFailure("'" + words + "' printed no LEAK SUMMARY (was valgrind started with -q?)");
        }
        return answer;
    }

    /** Every record that changed since the previous search, of every kind, with the heuristics asked for. */
    static String tracking(LeakCheckAction asked) {
        return whole(Delta.CHANGED, asked.heuristics());
    }

    /** Every live record, of every kind, with the heuristics asked for. */
    static String complete(LeakCheckAction asked) {
        return whole(Delta.ANY, asked.heuristics());
    }

    private static String whole(Delta delta, Set<Heuristic> heuristics) {
        return new LeakCheckAction(Mode.FULL, EnumSet.allOf(LossKind.class), delta, OptionalInt.empty(), heuristics)
                .monitorCommand();
    }

    private static List<LossRecordResult> results(List<LossRecord> records, Predicate<LossRecord> baseline) {
        return records.stream().map(r -> new LossRecordResult(r, baseline.test(r))).toList();
    }

    /** A check as asked, and the text of every search made for it. */
    private record Check(String command, LeakCheckAction action, Predicate<LossRecord> baseline, StringBuilder texts) {
    }
}
