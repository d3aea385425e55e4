package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A whole run of a plan, the canonical report that every other format is made from (docs/report.md).
 *
 * @param environment versions of valgrind, gdb and java
 * @param build the {@code build:} step when it failed (its output kept), else null
 * @param harness the harness's own time at the stops, or null (a merged or partial report)
 */
public record RunResult(Tool tool, PlanInfo plan, Map<String, String> environment, Instant startedAt,
        long durationMs, RunStatus status, BuildFailure build, List<CaseResult> cases, HarnessTime harness) {

    /** A run without the harness's own time (merged, partial, filtered). */
    public RunResult(Tool tool, PlanInfo plan, Map<String, String> environment, Instant startedAt, long durationMs,
            RunStatus status, BuildFailure build, List<CaseResult> cases) {
        this(tool, plan, environment, startedAt, durationMs, status, build, cases, null);
    }

    public RunResult {
        requireNonNull(tool, "tool is null");
        requireNonNull(plan, "plan is null");
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(status, "status is null");
        cases = List.copyOf(cases);
    }

    /**
     * The run with every child process as a case of its own, right after its case and named {@code case[pid]}: for
     * the reports that show a process per test suite (JUnit) or per finding (SARIF, HTML). The same run when no case
     * has children.
     */
    public RunResult perProcess() {
        if (cases.stream().allMatch(c -> c.children().isEmpty())) {
            return this;
        }
        List<CaseResult> processes = new java.util.ArrayList<>();
        cases.forEach(c -> processes.addAll(c.processes()));
        return new RunResult(tool, plan, environment, startedAt, durationMs, status, build, processes, harness);
    }

    /** {@code {"name": "vgharness", "version": "0.1.0"}}. */
    public record Tool(String name, String version) {
    }

    /** {@code {"name": "request-handler", "path": "plans/server.yaml"}}. */
    public record PlanInfo(String name, String path) {
    }

    /** A {@code build:} command that failed: its exit code and output. */
    public record BuildFailure(String command, int exitCode, String output) {
    }
}
