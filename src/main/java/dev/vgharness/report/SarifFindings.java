package dev.vgharness.report;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.memcheck.StackFrame;
import dev.vgharness.plan.Metric;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.StopResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The findings of a run that SARIF lists: each lost leak (definitely, indirectly, possibly) and each Memcheck error,
 * once per identity. A leak seen at several stops and at exit is reported once, with valgrind's exit-time numbers
 * when the exit saw it, else those of the latest stop that did. A finding failed its case when a failed expectation
 * of that case counts its kind ({@code definitely_lost_blocks} a definitely lost leak, {@code errors} an error).
 */
final class SarifFindings {

    private static final String ERRORS = "memcheck/";
    private static final Set<LeakKind> LOST = Set.of(LeakKind.DEFINITELY_LOST, LeakKind.INDIRECTLY_LOST,
            LeakKind.POSSIBLY_LOST);

    /** One finding: a loss record or an error, the case it came from, its stable identity hash, whether it failed. */
    record Finding(String ruleId, String caseName, String fingerprint, LossRecordResult leak, MemcheckError error,
            boolean failedCase) {
        Finding {
            requireNonNull(ruleId, "ruleId is null");
            requireNonNull(fingerprint, "fingerprint is null");
        }

        List<StackFrame> stack() {
            return leak != null ? leak.record().stack() : error.stack();
        }
    }

    private SarifFindings() {
    }

    static List<Finding> of(RunResult run) {
        Map<String, Finding> byIdentity = new LinkedHashMap<>();
        for (CaseResult c : run.cases()) {
            Set<String> failing = failingRules(c);
            if (c.finalResults() != null) {
                c.finalResults().lossRecords().forEach(r -> addLeak(byIdentity, c, r, failing));
                c.finalResults().errors().forEach(e -> addError(byIdentity, c, e, failing));
            }
        }
        for (CaseResult c : run.cases()) {
            Set<String> failing = failingRules(c);
            List<StopResult> stops = new ArrayList<>(c.stops());
            java.util.Collections.reverse(stops);
            for (StopResult stop : stops) {
                if (stop.leakCheck() != null) {
                    stop.leakCheck().lossRecords().forEach(r -> addLeak(byIdentity, c, r, failing));
                }
            }
        }
        return List.copyOf(byIdentity.values());
    }

    private static void addLeak(Map<String, Finding> findings, CaseResult c, LossRecordResult r, Set<String> failing) {
        if (LOST.contains(r.record().kind())) {
            String hash = r.record().fingerprint().hash();
            String rule = "leak/" + r.record().kind().key();
            findings.putIfAbsent(hash, new Finding(rule, c.name(), hash, r, null, failing.contains(rule)));
        }
    }

    private static void addError(Map<String, Finding> findings, CaseResult c, MemcheckError e, Set<String> failing) {
        String hash = errorHash(e);
        findings.putIfAbsent(hash, new Finding("memcheck/" + e.kind(), c.name(), hash, null, e,
                failing.contains(ERRORS)));
    }

    /** The rules ({@code leak/definitely_lost}, or {@link #ERRORS} for every error) a failed expectation counts. */
    private static Set<String> failingRules(CaseResult c) {
        Set<String> rules = new HashSet<>();
        List<Assertion> all = new ArrayList<>(c.assertions());
        c.stops().forEach(stop -> all.addAll(stop.assertions()));
        for (Assertion a : all) {
            Optional<Metric> metric = a.passed() ? Optional.empty() : Metric.byKey(a.metric());
            metric.filter(m -> m == Metric.ERRORS).ifPresent(m -> rules.add(ERRORS));
            metric.flatMap(Metric::leakKind).ifPresent(kind -> rules.add("leak/" + kind));
        }
        return rules;
    }

    /** Like a leak's fingerprint: the error kind and the function names of its stack, no addresses or lines. */
    static String errorHash(MemcheckError e) {
        StringBuilder text = new StringBuilder(e.kind());
        for (StackFrame f : e.stack()) {
            text.append('|').append(f.function() == null ? "???" : f.function());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
