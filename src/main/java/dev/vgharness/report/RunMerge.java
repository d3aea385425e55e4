package dev.vgharness.report;

import dev.vgharness.result.CaseResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the reports of shards ({@code run --shard K/N}) into one run: the cases of all of them in the order given,
 * the worst status, the earliest start and the span until the last one ended, the tool and plan of the first, and
 * the environment of all (the first one's versions win where they differ).
 */
public final class RunMerge {

    private RunMerge() {
    }

    public static RunResult merge(List<RunResult> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        RunResult first = runs.get(0);
        Instant start = first.startedAt();
        Instant end = first.startedAt().plusMillis(first.durationMs());
        RunStatus status = RunStatus.PASSED;
        RunResult.BuildFailure build = null;
        Map<String, String> environment = new LinkedHashMap<>();
        List<CaseResult> cases = new ArrayList<>();
        for (RunResult run : runs) {
            start = run.startedAt().isBefore(start) ? run.startedAt() : start;
            Instant runEnd = run.startedAt().plusMillis(run.durationMs());
            end = runEnd.isAfter(end) ? runEnd : end;
            status = status.and(run.status());
            build = build != null ? build : run.build();
            run.environment().forEach(environment::putIfAbsent);
            cases.addAll(run.cases());
        }
        return new RunResult(first.tool(), first.plan(), environment, start, end.toEpochMilli() - start.toEpochMilli(),
                status, build, cases);
    }
}
