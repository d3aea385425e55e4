package dev.vgharness.report;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.memcheck.StackFrame;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.StopResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The findings of a run that SARIF lists: each lost leak (definitely, indirectly, possibly) and each Memcheck error,
 * once per identity. A leak seen at several stops and at exit is reported once, with valgrind's exit-time numbers
 * when the exit saw it, else those of the latest stop that did.
 */
final class SarifFindings {

    private static final Set<LeakKind> LOST = Set.of(LeakKind.DEFINITELY_LOST, LeakKind.INDIRECTLY_LOST,
            LeakKind.POSSIBLY_LOST);

    /** One finding: a loss record or an error, the case it came from, and its stable identity hash. */
    record Finding(String ruleId, String caseName, String fingerprint, LossRecordResult leak, MemcheckError error) {
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
            if (c.finalResults() != null) {
                c.finalResults().lossRecords().forEach(r -> addLeak(byIdentity, c, r));
                c.finalResults().errors().forEach(e -> addError(byIdentity, c, e));
            }
        }
        for (CaseResult c : run.cases()) {
            List<StopResult> stops = new ArrayList<>(c.stops());
            java.util.Collections.reverse(stops);
            for (StopResult stop : stops) {
                if (stop.leakCheck() != null) {
                    stop.leakCheck().lossRecords().forEach(r -> addLeak(byIdentity, c, r));
                }
            }
        }
        return List.copyOf(byIdentity.values());
    }

    /** A record that vanished since the previous search (freed) is no finding. */
    private static void addLeak(Map<String, Finding> findings, CaseResult c, LossRecordResult r) {
        if (LOST.contains(r.record().kind()) && !r.gone()) {
            String hash = r.record().fingerprint().hash();
            findings.putIfAbsent(hash, new Finding("leak/" + r.record().kind().key(), c.name(), hash, r, null));
        }
    }

    private static void addError(Map<String, Finding> findings, CaseResult c, MemcheckError e) {
        String hash = errorHash(e);
        findings.putIfAbsent(hash, new Finding("memcheck/" + e.kind(), c.name(), hash, null, e));
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
