package dev.vgharness.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.memcheck.StackFrame;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.LeakFinding;
import dev.vgharness.result.LostAt;
import dev.vgharness.result.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The run as SARIF 2.1.0 for code scanning: one run of tool {@code vgharness}, a result per lost leak identity
 * ({@code leak/definitely_lost}) and per Memcheck error ({@code memcheck/InvalidRead}), located at the first frame
 * in the user's own sources, with each different stack as a code flow. A leak's {@code partialFingerprints} entry
 * is the hash of its {@link dev.vgharness.memcheck.LeakIdentity}: kind, allocator, functions and the hashed text of
 * their lines, so it keeps its identity when code above it moves. The loss records that share an identity are one
 * result whose bytes and blocks are their sums, so the results add up to every lost byte.
 * <pre>
 * {"ruleId": "leak/definitely_lost", "level": "error", "message": {"text": "280 bytes in 1 blocks are definitely
 *  lost (loss record 11 of 11), allocated by make_tree"}, "partialFingerprints": {"leakIdentity/v2": "9f2c..."}}
 * </pre>
 * Records that match the baseline are kept, with an external suppression, so code scanning shows them as dismissed.
 * A result's level is {@code error} when it failed its case (a failed expectation counts its kind: what made the run
 * or {@code check} fail), {@code warning} otherwise; a rule's default level is {@code error} for definitely lost
 * leaks and Memcheck errors.
 */
public final class SarifReport {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String LEAK_FINGERPRINT = "leakIdentity/v2";
    /** Errors keep the key and hash they always had (kind and function names), so their alerts stay open. */
    static final String ERROR_FINGERPRINT = "leakIdentity/v1";

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

    /**
     * A warning when results exist but none has a frame in a file under a source root: code scanning then shows
     * them nowhere in the code (a build without {@code -g}, or {@code --source-root} not where the sources are).
     */
    public static Optional<String> unplaced(RunResult result, SourceRoots roots) {
        List<SarifFindings.Finding> findings = SarifFindings.of(result);
        boolean placed = findings.stream().flatMap(f -> f.stacks().stream())
                .anyMatch(stack -> roots.firstOwnFrame(stack).isPresent());
        if (findings.isEmpty() || placed) {
            return Optional.empty();
        }
        return Optional.of("no frame of the " + findings.size() + " SARIF result" + (findings.size() == 1 ? "" : "s")
                + " is in a file under the source root" + (roots.roots().size() == 1 ? " " : "s ")
                + String.join(", ", roots.roots().stream().map(Path::toString).toList())
                + ": code scanning cannot place them in the code (build with -g, or pass --source-root DIR)");
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
        RunResult processes = run.perProcess();
        Map<String, CaseResult> byName = new HashMap<>();
        processes.cases().forEach(c -> byName.put(c.name(), c));
        List<SarifFindings.Finding> findings = SarifFindings.of(processes);
        List<String> rules = findings.stream().map(SarifFindings.Finding::ruleId).distinct().sorted().toList();
        sarifRun.set("tool", tool(run, rules));
        sarifRun.set("originalUriBaseIds", locations.baseIds());
        ArrayNode results = sarifRun.putArray("results");
        for (SarifFindings.Finding f : findings) {
            results.add(result(f, rules.indexOf(f.ruleId()), byName.get(f.cases().get(0))));
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
        driver.put("informationUri", SarifRules.MANUAL);
        ArrayNode list = driver.putArray("rules");
        for (String id : rules) {
            ObjectNode rule = list.addObject();
            rule.put("id", id);
            rule.putObject("shortDescription").put("text", describeRule(id));
            SarifRules.describe(rule, id);
            rule.putObject("defaultConfiguration").put("level", level(id));
        }
        return tool;
    }

    /** @param process the case or child process of the finding's first case ({@code case[pid]} for a child) */
    private ObjectNode result(SarifFindings.Finding f, int ruleIndex, CaseResult process) {
        ObjectNode result = nodes.objectNode();
        result.put("ruleId", f.ruleId());
        result.put("ruleIndex", ruleIndex);
        result.put("level", f.failedCase() ? "error" : "warning");
        result.putObject("message").put("text", message(f));
        Optional<StackFrame> allocated = roots.bestFrame(f.stacks().get(0));
        allocated.ifPresent(frame -> result.putArray("locations").add(locations.location(frame)));
        lostAt(f).ifPresent(lost -> addLostAt(result, allocated, lost));
        result.putObject("partialFingerprints").put(f.leak() != null ? LEAK_FINGERPRINT : ERROR_FINGERPRINT,
                f.fingerprint());
        ArrayNode flows = result.putArray("codeFlows");
        f.stacks().forEach(stack -> flows.add(codeFlow(stack)));
        if (!f.locals().isEmpty()) {
            // The values where the program stopped at the error, on the step a reader looks at first.
            if (flows.get(0).at("/threadFlows/0/locations/0/location") instanceof ObjectNode location) {
                location.putObject("message").put("text", f.locals().get(0).describe());
            }
        }
        if (f.leak() != null && f.leak().baseline()) {
            result.putArray("suppressions").addObject().put("kind", "external").put("justification", "baseline");
        }
        result.set("properties", properties(f, process));
        return result;
    }

    /** Where {@code find_lost} found the finding's first followed record lost, if it followed one. */
    private static Optional<LostAt> lostAt(SarifFindings.Finding f) {
        return f.leak() == null ? Optional.empty() : f.leak().records().stream().map(r -> r.result().lostAt())
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** The line that lost the block as a second location, and both lines as related ones: allocated, lost here. */
    private void addLostAt(ObjectNode result, Optional<StackFrame> allocated, LostAt lost) {
        StackFrame line = new StackFrame(0, lost.function(), lost.file(), lost.line(), null);
        ObjectNode where = locations.location(line);
        where.putObject("message").put("text", "lost here: " + lost.heldBy() + " " + lost.how().verb());
        ((ArrayNode) result.withArray("locations")).add(where);
        ArrayNode related = result.putArray("relatedLocations");
        allocated.ifPresent(frame -> {
            ObjectNode at = locations.location(frame).put("id", 1);
            at.putObject("message").put("text", "allocated here");
            related.add(at);
        });
        ObjectNode lostHere = locations.location(line).put("id", 2);
        lostHere.putObject("message").put("text", "lost here");
        related.add(lostHere);
        String text = result.path("message").path("text").asText();
        result.putObject("message").put("text", text + "; " + lost.sentence());
    }

    /** The stack as steps: the first own frame (where the result points) essential, other own frames important. */
    private ObjectNode codeFlow(List<StackFrame> stack) {
        ObjectNode flow = nodes.objectNode();
        ArrayNode steps = flow.putArray("threadFlows").addObject().putArray("locations");
        StackFrame essential = roots.firstOwnFrame(stack).orElse(null);
        for (StackFrame frame : stack) {
            ObjectNode step = steps.addObject();
            step.set("location", locations.location(frame));
            step.put("nestingLevel", 0);
            step.put("importance", frame == essential ? "essential" : roots.isOwn(frame) ? "important" : "unimportant");
        }
        return flow;
    }

    private ObjectNode properties(SarifFindings.Finding f, CaseResult process) {
        ObjectNode properties = nodes.objectNode();
        properties.put("case", f.cases().get(0));
        if (process != null) {
            properties.put("pid", process.pid());
            properties.put("command", String.join(" ", process.command()));
        }
        if (f.leak() != null) {
            LeakFinding leak = f.leak();
            f.cases().forEach(properties.putArray("cases")::add);
            properties.put("bytes", leak.bytes());
            properties.put("direct_bytes", leak.directBytes());
            properties.put("blocks", leak.blocks());
            properties.put("loss_records", leak.records().size());
            properties.put("leak_fingerprint", leak.identity().text());
        } else {
            properties.put("count", f.error().count());
            if (!f.locals().isEmpty()) {
                properties.set("locals", ReportJson.mapper().valueToTree(f.locals()));
            }
        }
        return properties;
    }

    private static String message(SarifFindings.Finding f) {
        if (f.leak() != null) {
            LeakFinding leak = f.leak();
            String where = leak.identity().functions().stream().findFirst().orElse("???");
            return String.format(Locale.US, "%d bytes in %d blocks are %s (%s), allocated by %s", leak.bytes(),
                    leak.blocks(), leak.kind().text(), lossRecords(leak), where);
        }
        MemcheckError e = f.error();
        String text = e.what() + (e.auxiliary() == null ? "" : ". " + e.auxiliary());
        return e.count() > 1 ? text + " (" + e.count() + " times)" : text;
    }

    /** {@code loss record 3 of 11}, or {@code 2 loss records in 2 cases} when the identity has several. */
    private static String lossRecords(LeakFinding leak) {
        if (leak.records().size() == 1) {
            LossRecord r = leak.records().get(0).result().record();
            return "loss record " + r.number() + " of " + r.of();
        }
        int cases = leak.cases().size();
        return leak.records().size() + " loss records" + (cases > 1 ? " in " + cases + " cases" : "");
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
