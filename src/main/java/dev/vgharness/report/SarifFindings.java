package dev.vgharness.report;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.memcheck.StackFrame;
import dev.vgharness.plan.Metric;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.FrameLocals;
import dev.vgharness.result.LeakFinding;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.StopReason;
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
 * The findings of a run that SARIF lists: each lost leak identity (definitely, indirectly, possibly lost; every loss
 * record that has it, see {@link LeakFinding}) and each Memcheck error, once per identity. A finding failed its case
 * when a failed expectation of one of its cases counts its kind ({@code definitely_lost_blocks} a definitely lost
 * leak, {@code errors} an error).
 */
final class SarifFindings {

    private static final String ERRORS = "memcheck/";

    /** One finding: a lost leak or an error (with its case), its stable identity hash, and whether it failed. */
    record Finding(String ruleId, String fingerprint, LeakFinding leak, String errorCase, MemcheckError error,
            boolean failedCase, List<FrameLocals> locals) {
        Finding {
            requireNonNull(ruleId, "ruleId is null");
            requireNonNull(fingerprint, "fingerprint is null");
        }

        /** The different stacks behind the finding: one per code flow. */
        List<List<StackFrame>> stacks() {
            return leak != null ? leak.stacks() : List.of(error.stack());
        }

        List<String> cases() {
            return leak != null ? leak.cases() : List.of(errorCase);
        }
    }

    private SarifFindings() {
    }

    static List<Finding> of(RunResult run) {
        List<Finding> findings = new ArrayList<>();
        List<LeakFinding> leaks = LeakFinding.lostLeaks(run);
        Map<String, Finding> errors = new LinkedHashMap<>();
        for (CaseResult c : run.cases()) {
            Set<String> failing = failingRules(c);
            if (c.finalResults() != null) {
                c.finalResults().errors().forEach(e -> addError(errors, c, e, failing));
            }
        }
        Map<String, Set<String>> failingByCase = new LinkedHashMap<>();
        run.cases().forEach(c -> failingByCase.put(c.name(), failingRules(c)));
        for (LeakFinding l : leaks) {
            String rule = "leak/" + l.kind().key();
            boolean failed = l.cases().stream()
                    .anyMatch(name -> failingByCase.getOrDefault(name, Set.of()).contains(rule));
            findings.add(new Finding(rule, l.identity().hash(), l, null, null, failed, List.of()));
        }
        findings.addAll(errors.values());
        return findings;
    }

    private static void addError(Map<String, Finding> findings, CaseResult c, MemcheckError e, Set<String> failing) {
        String hash = errorHash(e);
        findings.putIfAbsent(hash, new Finding(ERRORS + e.kind(), hash, null, c.name(), e, failing.contains(ERRORS),
                localsAtError(c, hash)));
    }

    /** The locals of the case's stop at this error ({@code on_error:}), when the program stopped there. */
    private static List<FrameLocals> localsAtError(CaseResult c, String hash) {
        return c.stops().stream().filter(s -> s.reason() == StopReason.ERROR && s.error() != null)
                .filter(s -> errorHash(s.error()).equals(hash)).map(StopResult::locals).findFirst().orElse(List.of());
    }

    /** The rules ({@code leak/definitely_lost}, or {@link #ERRORS} for every error) a failed expectation counts. */
    private static Set<String> failingRules(CaseResult c) {
        Set<String> rules = new HashSet<>();
        List<Assertion> all = new ArrayList<>(c.assertions());
        c.stops().forEach(stop -> all.addAll(stop.assertions()));
        for (Assertion a : all) {
            Optional<Metric> metric = a.passed() ? Optional.empty() : a.metricKind();
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
