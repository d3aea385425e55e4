package dev.vgharness.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.memcheck.StackFrame;
import dev.vgharness.result.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run as SARIF 2.1.0 for code scanning: one run of tool {@code vgharness}, a result per lost leak
 * ({@code leak/definitely_lost}) and per Memcheck error ({@code memcheck/InvalidRead}), located at the first frame
 * in the user's own sources, with the whole stack as a code flow and a {@code partialFingerprints} entry made of
 * the kind and the function names only, so a leak keeps its identity when lines move.
 * <pre>
 * {"ruleId": "leak/definitely_lost", "level": "error", "message": {"text": "280 bytes in 1 blocks are definitely
 *  lost (loss record 11 of 11), allocated by make_tree"}, "partialFingerprints": {"leakIdentity/v1": "9f2c..."}}
 * </pre>
 * Records that match the baseline are kept, with an external suppression, so code scanning shows them as dismissed.
 */
public final class SarifReport {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT = "leakIdentity/v1";

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final SourceRoots roots;
    private final SarifLocations locations;

    private SarifReport(SourceRoots roots) {
        this.roots = requireNonNull(roots, "roots is null");
        this.locations = new SarifLocations(roots);
    }

    public static void write(RunResult result, SourceRoots roots, Path file) throws IOException {
        ObjectNode log = toJson(result, roots);
        ReportFiles.write(file, out -> new ObjectMapper().writerWithDefaultPrettyPrinter()
                .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, log));
    }

    /** The SARIF log as a JSON tree. */
    public static ObjectNode toJson(RunResult result, SourceRoots roots) {
        return new SarifReport(roots).log(result);
    }

    private ObjectNode log(RunResult run) {
        ObjectNode log = nodes.objectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode sarifRun = log.putArray("runs").addObject();
        List<SarifFindings.Finding> findings = SarifFindings.of(run);
        List<String> rules = findings.stream().map(SarifFindings.Finding::ruleId).distinct().sorted().toList();
        sarifRun.set("tool", tool(run, rules));
        sarifRun.set("originalUriBaseIds", locations.baseIds());
        ArrayNode results = sarifRun.putArray("results");
        for (SarifFindings.Finding f : findings) {
            results.add(result(f, rules.indexOf(f.ruleId())));
        }
        ObjectNode invocation = sarifRun.putArray("invocations").addObject();
        invocation.put("executionSuccessful", run.status() != dev.vgharness.result.RunStatus.ERROR);
        invocation.put("startTimeUtc", run.startedAt().toString());
        return log;
    }

    private ObjectNode tool(RunResult run, List<String> rules) {
        ObjectNode tool = nodes.objectNode();
        ObjectNode driver = tool.putObject("driver");
        driver.put("name", "vgharness");
        driver.put("version", run.tool().version());
        driver.put("informationUri", "https://valgrind.org/docs/manual/mc-manual.html");
        ArrayNode list = driver.putArray("rules");
        for (String id : rules) {
            ObjectNode rule = list.addObject();
            rule.put("id", id);
            rule.putObject("shortDescription").put("text", describeRule(id));
            rule.putObject("defaultConfiguration").put("level", level(id));
        }
        return tool;
    }

    private ObjectNode result(SarifFindings.Finding f, int ruleIndex) {
        ObjectNode result = nodes.objectNode();
        result.put("ruleId", f.ruleId());
        result.put("ruleIndex", ruleIndex);
        result.put("level", level(f.ruleId()));
        result.putObject("message").put("text", message(f));
        roots.bestFrame(f.stack()).ifPresent(frame -> result.putArray("locations").add(locations.location(frame)));
        result.putObject("partialFingerprints").put(FINGERPRINT, f.fingerprint());
        result.putArray("codeFlows").add(codeFlow(f.stack()));
        if (f.leak() != null && f.leak().baseline()) {
            result.putArray("suppressions").addObject().put("kind", "external").put("justification", "baseline");
        }
        result.set("properties", properties(f));
        return result;
    }

    private ObjectNode codeFlow(List<StackFrame> stack) {
        ObjectNode flow = nodes.objectNode();
        ArrayNode steps = flow.putArray("threadFlows").addObject().putArray("locations");
        for (StackFrame frame : stack) {
            ObjectNode step = steps.addObject();
            step.set("location", locations.location(frame));
            step.put("nestingLevel", 0);
            step.put("importance", roots.isOwn(frame) ? "important" : "unimportant");
        }
        return flow;
    }

    private ObjectNode properties(SarifFindings.Finding f) {
        ObjectNode properties = nodes.objectNode();
        properties.put("case", f.caseName());
        if (f.leak() != null) {
            LossRecord r = f.leak().record();
            properties.put("bytes", r.bytes());
            properties.put("blocks", r.blocks());
            properties.put("leak_fingerprint", r.fingerprint().text());
        } else {
            properties.put("count", f.error().count());
        }
        return properties;
    }

    private static String message(SarifFindings.Finding f) {
        if (f.leak() != null) {
            LossRecord r = f.leak().record();
            String where = new ArrayList<>(r.fingerprint().functions()).stream().findFirst().orElse("???");
            return String.format(Locale.US, "%d bytes in %d blocks are %s (loss record %d of %d), allocated by %s",
                    r.bytes(), r.blocks(), r.kind().text(), r.number(), r.of(), where);
        }
        MemcheckError e = f.error();
        String text = e.what() + (e.auxiliary() == null ? "" : ". " + e.auxiliary());
        return e.count() > 1 ? text + " (" + e.count() + " times)" : text;
    }

    private static String level(String ruleId) {
        return ruleId.equals("leak/definitely_lost") || ruleId.startsWith("memcheck/") ? "error" : "warning";
    }

    private static String describeRule(String id) {
        if (id.startsWith("leak/")) {
            return "Memory " + id.substring(5).replace('_', ' ') + " (Memcheck leak check)";
        }
        return "Memcheck error " + id.substring("memcheck/".length());
    }
}
