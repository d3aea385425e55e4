package dev.vgharness.cli;

import dev.vgharness.plan.Plan;
import dev.vgharness.plan.PlanException;
import dev.vgharness.plan.PlanLoader;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.RunResult;
import dev.vgharness.run.RunOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vgharness run PLAN.yaml}: every case of a plan, reports, exit code (docs/cli.md). */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run every case of a plan.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PLAN", description = "the YAML (or JSON) test plan")
    Path plan;

    @Option(names = "--case", paramLabel = "NAME", description = "run only this case (repeatable)")
    List<String> cases = new ArrayList<>();

    @Option(names = "--shard", paramLabel = "K/N",
            description = "run only the K-th of N slices of the cases (sorted by name, dealt out in turn)")
    String shard;

    @Option(names = "--jobs", paramLabel = "N", description = "cases at once (default: number of processors)")
    Integer jobs;

    @Mixin
    HarnessOptions harness = new HarnessOptions();

    @Mixin
    ReportOptions reports = new ReportOptions();

    @Mixin
    LeakFilterOptions leaks = new LeakFilterOptions();

    @Override
    public Integer call() throws Exception {
        Plan loaded = load();
        for (String name : cases) {
            if (loaded.cases().stream().noneMatch(c -> c.name().equals(name))) {
                throw new ExitCodes.UsageException("--case " + name + ": no such case in " + plan);
            }
        }
        Plan selected = select(loaded);
        PlanExecution execution = new PlanExecution(reports, leaks, reports.roots(loaded.folder()));
        RunResult result = execution.run(selected, harness.apply(RunOptions.defaults())
                .withJobs(jobs != null ? jobs : Runtime.getRuntime().availableProcessors())
                .withProgress(new ProgressLine(harness.quiet)));
        execution.report(result, true, () -> { });
        return ExitCodes.of(result);
    }

    /** The plan with only the cases of {@code --case} and of {@code --shard} (possibly none). */
    private Plan select(Plan loaded) {
        List<String> names = loaded.cases().stream().map(c -> c.name())
                .filter(name -> cases.isEmpty() || cases.contains(name)).toList();
        List<String> chosen = shard == null ? names : Shard.parse(shard).select(names);
        return new Plan(loaded.version(), loaded.name(), loaded.path(), loaded.folder(), loaded.build(),
                loaded.cases().stream().filter(c -> chosen.contains(c.name())).toList());
    }

    private Plan load() {
        try {
            return PlanLoader.load(plan);
        } catch (PlanException e) {
            throw ExitCodes.UsageException.located(e.getMessage());
        }
    }

    /** A line per case as it ends, when stderr is a terminal; nothing otherwise. */
    private static final class ProgressLine implements RunOptions.Progress {
        private final boolean enabled;

        ProgressLine(boolean quiet) {
            this.enabled = !quiet && System.console() != null;
        }

        @Override
        public void caseStarted(String name) {
            if (enabled) {
                System.err.println("vgharness: running " + name + " ...");
            }
        }

        @Override
        public void caseFinished(CaseResult result) {
            if (enabled) {
                System.err.println("vgharness: " + result.name() + " " + result.status().name().toLowerCase()
                        + " in " + result.durationMs() + " ms");
            }
        }
    }
}
