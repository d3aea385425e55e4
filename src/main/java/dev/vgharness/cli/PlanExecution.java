package dev.vgharness.cli;

import dev.vgharness.plan.Plan;
import dev.vgharness.report.SourceRoots;
import dev.vgharness.result.RunResult;
import dev.vgharness.run.PlanRunner;
import dev.vgharness.run.RunOptions;
import dev.vgharness.vgdb.ChildReaper;
import dev.vgharness.vgdb.StaleDirs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * What {@code run} and {@code check} do alike around the runner: private folders of killed harnesses swept first,
 * the leak filters, the reports and one stderr line per case error, and, when the harness is stopped mid-run
 * (Ctrl-C, SIGTERM), the reports of what was gathered until then. The reports are written once: by whichever of the
 * normal end and the interruption comes first ({@link ReportGate}); the other writes nothing.
 */
final class PlanExecution {

    private final ReportOptions reports;
    private final LeakFilterOptions leaks;
    private final SourceRoots roots;
    private final Output output;
    private final ReportGate gate = new ReportGate();
    private AutoCloseable interruption;
    private volatile Runnable beforeInterruptedReport = () -> { };

    PlanExecution(ReportOptions reports, LeakFilterOptions leaks, SourceRoots roots, Output output) {
        this.reports = reports;
        this.leaks = leaks;
        this.roots = roots;
        this.output = output;
    }

    /** What to do before the reports of an interrupted run are printed (the live status line ended). */
    PlanExecution whenInterrupted(Runnable before) {
        this.beforeInterruptedReport = before;
        return this;
    }

    /** Runs the plan; the result as reported (leak filters applied). Call {@link #report} afterwards. */
    RunResult run(Plan plan, RunOptions options) {
        WarmUp.start(reports.any());
        sweepStaleDirs(output.err());
        PlanRunner runner = new PlanRunner(leaks.apply(options, roots), Clock.systemUTC(),
                VgharnessCommand.Version.number());
        interruption = ChildReaper.whenShuttingDown(new Interruption(runner, plan));
        return leaks.reported(runner.run(plan), roots);
    }

    /**
     * Writes every report asked for (and baseline/suppression files), with {@code before} first (check's tables),
     * then the case errors on stderr; false, writing nothing, when an interruption is writing them instead.
     */
    boolean report(RunResult result, boolean printSummary, Runnable before) {
        return report(result, printSummary, java.util.Set.of(), before);
    }

    /** @param shownLive the cases whose whole block was printed as they ended (their summary is one line) */
    boolean report(RunResult result, boolean printSummary, java.util.Set<String> shownLive, Runnable before) {
        if (!gate.claim()) {
            return false;
        }
        try {
            before.run();
            reports.write(result, roots, printSummary, shownLive, leaks.writeFiles(result, output.err()), output);
            CaseErrors.print(result, output.err());
            return true;
        } finally {
            gate.written();
            stopListening();
        }
    }

    private void stopListening() {
        try {
            interruption.close();
        } catch (Exception e) {
            // Removing a task from a list does not fail.
        }
    }

    /** A valgrind left waiting for gdb forever by a harness killed with SIGKILL: ended here, its folder removed. */
    private static void sweepStaleDirs(java.io.PrintWriter err) {
        StaleDirs.Swept swept = StaleDirs.sweep(Path.of(System.getProperty("java.io.tmpdir")));
        if (!swept.dirs().isEmpty()) {
            err.println("vgharness: removed " + swept.dirs().size() + " private folder(s) of harnesses that"
                    + " were killed (" + swept.processes() + " of their processes ended)");
        }
    }

    /** Ctrl-C or SIGTERM: the run as far as it got, taken before the children are ended, written after. */
    private final class Interruption implements ChildReaper.ShutdownTask {
        private final PlanRunner runner;
        private final Plan plan;
        private boolean claimed;
        private RunResult partial;

        Interruption(PlanRunner runner, Plan plan) {
            this.runner = runner;
            this.plan = plan;
        }

        @Override
        public void beforeReaping() {
            claimed = gate.claim();
            if (claimed) {
                partial = leaks.reported(runner.partial(plan), roots);
            }
        }

        @Override
        public void afterReaping() {
            if (!claimed) {
                gate.awaitWritten(); // the normal end is writing: the JVM must not halt half-way
                return;
            }
            try {
                if (partial != null) {
                    beforeInterruptedReport.run();
                    output.err().println("vgharness: interrupted; writing what was gathered");
                    reports.write(partial, roots, true, List.of(), output);
                    CaseErrors.print(partial, output.err());
                }
            } finally {
                gate.written();
            }
        }
    }
}
