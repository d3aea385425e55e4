package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.LeakIdentity;
import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.StackFrame;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lost leak found in a run, once per leak identity, with every loss record that has it, so that nothing is left
 * out. Per case the records come from valgrind's exit-time check when it saw the identity, else from the latest
 * stop whose leak check did: a leak seen by several checks is the same memory seen again. Records of one check
 * that share an identity are different allocations the identity cannot tell apart, and their bytes add up, as do
 * those of different cases.
 */
public record LeakFinding(LeakIdentity identity, List<Found> records) {

    public static final Set<LeakKind> LOST = Set.of(LeakKind.DEFINITELY_LOST, LeakKind.INDIRECTLY_LOST,
            LeakKind.POSSIBLY_LOST);

    /** One loss record of the finding and the case it came from. */
    public record Found(String caseName, LossRecordResult result) {
        public Found {
            requireNonNull(caseName, "caseName is null");
            requireNonNull(result, "result is null");
        }
    }

    public LeakFinding {
        requireNonNull(identity, "identity is null");
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a finding has at least one loss record");
        }
    }

    /** The lost leaks of a run: those of every case's exit first, then those only stops saw, latest stop first. */
    public static List<LeakFinding> lostLeaks(RunResult run) {
        Map<LeakIdentity, List<Found>> found = new LinkedHashMap<>();
        Map<CaseResult, Set<LeakIdentity>> seenByCase = new IdentityHashMap<>();
        for (CaseResult c : run.cases()) {
            if (c.finalResults() != null) {
                addCheck(found, seenByCase.computeIfAbsent(c, k -> new HashSet<>()), c,
                        c.finalResults().lossRecords());
            }
        }
        for (CaseResult c : run.cases()) {
            for (int i = c.stops().size() - 1; i >= 0; i--) {
                StopResult stop = c.stops().get(i);
                if (stop.leakCheck() != null) {
                    addCheck(found, seenByCase.computeIfAbsent(c, k -> new HashSet<>()), c,
                            stop.leakCheck().lossRecords());
                }
            }
        }
        List<LeakFinding> findings = new ArrayList<>(found.size());
        found.forEach((identity, records) -> findings.add(new LeakFinding(identity, records)));
        return findings;
    }

    /** Adds the lost records of one check whose identity no later check of the case had. */
    private static void addCheck(Map<LeakIdentity, List<Found>> found, Set<LeakIdentity> seenInCase, CaseResult c,
            List<LossRecordResult> check) {
        Set<LeakIdentity> here = new HashSet<>();
        for (LossRecordResult r : check) {
            LeakIdentity identity = r.identity();
            if (LOST.contains(r.record().kind()) && !seenInCase.contains(identity)) {
                // A record gone since the previous search was freed: no leak, and earlier checks' copies are not.
                if (!r.gone()) {
                    found.computeIfAbsent(identity, k -> new ArrayList<>()).add(new Found(c.name(), r));
                }
                here.add(identity);
            }
        }
        seenInCase.addAll(here);
    }

    public LeakKind kind() {
        return identity.kind();
    }

    public long bytes() {
        return records.stream().mapToLong(f -> f.result().record().bytes()).sum();
    }

    /** The bytes without those of blocks lost through these ones: the sum over findings is all that was lost. */
    public long directBytes() {
        return records.stream().mapToLong(f -> f.result().record().directBytes()).sum();
    }

    public long blocks() {
        return records.stream().mapToLong(f -> f.result().record().blocks()).sum();
    }

    /** The cases the records came from, each once, in order. */
    public List<String> cases() {
        return records.stream().map(Found::caseName).distinct().toList();
    }

    /** The different stacks of the records (exact frames), in order. */
    public List<List<StackFrame>> stacks() {
        return records.stream().map(f -> f.result().record().stack()).distinct().toList();
    }

    /** True when every record matched the baseline. */
    public boolean baseline() {
        return records.stream().allMatch(f -> f.result().baseline());
    }
}
