package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.LossRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lost leak found in a run, with the case it came from: the loss records of valgrind's exit-time check and of
 * every stop's leak check, one per leak identity ({@code definitely_lost|stage@leak.c|main@leak.c}), exit first.
 */
public record LeakFinding(String caseName, LossRecord record) {

    public static final Set<LeakKind> LOST = Set.of(LeakKind.DEFINITELY_LOST, LeakKind.INDIRECTLY_LOST,
            LeakKind.POSSIBLY_LOST);

    public LeakFinding {
        requireNonNull(caseName, "caseName is null");
        requireNonNull(record, "record is null");
    }

    public static List<LeakFinding> lostLeaks(RunResult run) {
        Map<String, LeakFinding> found = new LinkedHashMap<>();
        for (CaseResult c : run.cases()) {
            if (c.finalResults() != null) {
                c.finalResults().lossRecords().forEach(r -> add(found, c, r));
            }
        }
        for (CaseResult c : run.cases()) {
            for (StopResult stop : c.stops()) {
                if (stop.leakCheck() != null) {
                    stop.leakCheck().lossRecords().forEach(r -> add(found, c, r));
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    private static void add(Map<String, LeakFinding> found, CaseResult c, LossRecordResult r) {
        if (LOST.contains(r.record().kind())) {
            found.putIfAbsent(r.record().fingerprint().text(), new LeakFinding(c.name(), r.record()));
        }
    }
}
