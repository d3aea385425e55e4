package dev.vgharness.run;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.LeakCheckAnswer;
import dev.vgharness.memcheck.LeakCheckParser;
import dev.vgharness.memcheck.LeakIdentity;
import dev.vgharness.memcheck.LeakSites;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

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

    /**
     * Answers a check at the current stop.
     *
     * @param command what was asked, as the report names it
     * @param known the sources (for leak identities) and the known leaks, which count in no metric
     */
    public StopLeakCheck check(String command, LeakCheckAction action, KnownLeaks known, Monitor monitor)
            throws MiSessionException, LeakCheckFailure {
        requireNonNull(command, "command is null");
        Searches searches = new Searches(monitor);
        LeakSearch search = action.mode() == Mode.XTLEAK ? xtleak(action, searches) : tracked(action, searches);
        List<LossRecord> shown = LeakView.shown(action, search.records());
        if (LeakView.lacksNumbers(shown)) {
            search = history.renumbered(search, searches.send(complete(action)));
            shown = LeakView.shown(action, search.records());
        }
        latest = search;
        return new StopLeakCheck(command, search.summary(), results(shown, known), searches.texts.toString());
    }

    /** Every record of the latest check, shown or not (the gone ones too): what the metrics read. */
    public List<LossRecordResult> allRecords(KnownLeaks known) {
        requireNonNull(latest, "no leak check yet");
        return results(latest.records(), known);
    }

    /**
     * Valgrind's exit-time results from its XML report, with deltas since the latest search; before valgrind 3.26 the
     * XML has no leak summary and the loss records are added up. A file cut short (valgrind killed) had no exit-time
     * leak search: no summary rather than zeros.
     */
    public FinalResults finalResults(ValgrindXmlReport xml, KnownLeaks known) {
        requireNonNull(xml, "xml is null");
        List<LossRecordResult> records = results(history.atExit(xml.lossRecords()), known);
        LeakSummary summary = xml.leakSummary() != null ? xml.leakSummary()
                : xml.complete() ? LeakSummary.ofRecords(xml.lossRecords()) : null;
        return new FinalResults(summary == null ? null : history.atExit(summary), records, xml.errors(),
                xml.complete());
    }

    /** What the tracking search printed, or a complete search when that does not add up. */
    private LeakSearch tracked(LeakCheckAction action, Searches searches) throws MiSessionException, LeakCheckFailure {
        Optional<LeakSearch> search = history.changed(searches.send(tracking(action)));
        return search.isPresent() ? search.get() : history.complete(searches.send(complete(action)));
    }

    /** The xtree file is written with Valgrind's own deltas, so it searches first; a complete search follows. */
    private LeakSearch xtleak(LeakCheckAction action, Searches searches) throws MiSessionException, LeakCheckFailure {
        searches.send(action.monitorCommand());
        return history.complete(searches.send(complete(action)));
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

    /** The records with their sites (from the sources, else ordinals among these records) and whether each is known. */
    private static List<LossRecordResult> results(List<LossRecord> records, KnownLeaks known) {
        List<List<String>> sites = LeakSites.of(records, known.sources());
        List<LossRecordResult> results = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            LossRecord r = records.get(i);
            results.add(new LossRecordResult(r, known.isKnown(r, LeakIdentity.of(r, sites.get(i))), sites.get(i)));
        }
        return results;
    }

    /** The searches made for one check, and their text. */
    private static final class Searches {
        private final Monitor monitor;
        private final StringBuilder texts = new StringBuilder();

        Searches(Monitor monitor) {
            this.monitor = monitor;
        }

        LeakCheckAnswer send(String words) throws MiSessionException, LeakCheckFailure {
            String text = monitor.send(words);
            texts.append(text);
            LeakCheckAnswer answer = LeakCheckParser.parse(text);
            if (!answer.searched()) {
                throw new LeakCheckFailure("'" + words + "' did not search: "
                        + MonitorError.complaint(answer.errors(), text));
            }
            if (answer.summary() == null && !answer.noLeaksPossible()) {
                throw new LeakCheckFailure("'" + words + "' printed no LEAK SUMMARY (was valgrind started with -q?)");
            }
            return answer;
        }
    }
}
