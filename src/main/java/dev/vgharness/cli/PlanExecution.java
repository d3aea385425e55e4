package dev.vgharness.cli;

import dev.vgharness.plan.Plan;
import dev.vgharness.report.SourceRoots;
import dev.vgharness.result.RunResult;
import dev.vgharness.run.PlanRunner;
import dev.vgharness.run.RunOptions;
import java.time.Clock;
import java.util.List;

/**
 * What {@code run} and {@code check} do alike around the runner: a partial report if the harness is stopped
 * mid-run, the leak filters, the reports, and one stderr line per case error.
 */
final class PlanExecution {

    private final ReportOptions reports;
    private final LeakFilterOptions leaks;
    private final SourceRoots roots;

    PlanExecution(ReportOptions reports, LeakFilterOptions leaks, SourceRoots roots) {
        this.reports = reports;
        this.leaks = leaks;
        this.roots = roots;
    }

    /** Runs the plan; the result as reported (leak filters applied). */
    RunResult run(Plan plan, RunOptions options) {
        PlanRunner runner = new PlanRunner(leaks.apply(options, roots), Clock.systemUTC(),
                VgharnessCommand.Version.number());
        RunResult result = PartialReport.whileRunning(runner,
                partial -> reports.write(leaks.reported(partial, roots), roots, true, List.of()),
                () -> runner.run(plan));
        return leaks.reported(result, roots);
    }

    /** Writes every report asked for (and baseline/suppression files), then the case errors on stderr. */
    void report(RunResult result, boolean printSummary) {
        reports.write(result, roots, printSummary, leaks.writeFiles(result));
        CaseErrors.print(result);
    }
}
