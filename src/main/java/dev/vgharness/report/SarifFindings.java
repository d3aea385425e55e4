package dev.vgharness.report;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.memcheck.StackFrame;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.LeakFinding;
import dev.vgharness.result.RunResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of a run that SARIF lists: each lost leak identity (definitely, indirectly, possibly lost; every loss
 * record that has it, see {@link LeakFinding}) and each Memcheck error, once per identity.
 */
final class SarifFindings {

    /** One finding: a lost leak or an error (with its case), and its stable identity hash. */
    record Finding(String ruleId, String fingerprint, LeakFinding leak, String errorCase, MemcheckError error) {
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
            if (c.finalResults() != null) {
                c.finalResults().errors().forEach(e -> addError(errors, c, e));
            }
        }
        leaks.forEach(l -> findings.add(new Finding("leak/" + l.kind().key(), l.identity().hash(), l, null, null)));
        findings.addAll(errors.values());
        return findings;
    }

    private static void addError(Map<String, Finding> findings, CaseResult c, MemcheckError e) {
        String hash = errorHash(e);
        findings.putIfAbsent(hash, new Finding("memcheck/" + e.kind(), hash, null, c.name(), e));
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
