package dev.vgharness.cli;

import dev.vgharness.plan.Plan;
import dev.vgharness.plan.PlanException;
import dev.vgharness.plan.PlanLoader;
import dev.vgharness.report.SourceRoots;
import dev.vgharness.report.TextSummary;
import dev.vgharness.result.RunResult;
import dev.vgharness.run.RunOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vgharness run PLAN.yaml}: every case of a plan, reports, exit code (docs/cli.md). */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run every case of a plan.",
        footer = {"", "Examples:",
            "  vgharness run plan.yaml",
            "  vgharness run plan.yaml --case growth --report-dir out/",
            "  vgharness run plan.yaml --shard 2/4 --json shard2.json --timeout-multiplier 3",
            "", ExitCodes.FOOTER})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    VgharnessCommand root;

    @Parameters(index = "0", paramLabel = "PLAN", description = "the YAML (or JSON) test plan")
    Path plan;

    @Option(names = "--case", paramLabel = "NAME", description = "run only this case (repeatable)")
    List<String> cases = new ArrayList<>();

    @Option(names = "--shard", paramLabel = "K/N", converter = Converters.ShardSlice.class,
            description = "run only the K-th of N slices of the cases (sorted by name, dealt out in turn)")
    Shard shard;

    @Option(names = "--jobs", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "cases at once (default: number of processors)")
    Integer jobs;

    @Mixin
    HarnessOptions harness = new HarnessOptions();

    @Mixin
    ReportOptions reports = new ReportOptions();

    @Mixin
    LeakFilterOptions leaks = new LeakFilterOptions();

    @Mixin
    SourceRootOptions.OfPlan sources = new SourceRootOptions.OfPlan();

    @Override
    public Integer call() throws Exception {
        Plan loaded = load();
        for (String name : cases) {
            if (loaded.cases().stream().noneMatch(c -> c.name().equals(name))) {
                throw new ExitCodes.UsageException("--case " + name + ": no such case in " + plan);
            }
        }
        Plan selected = select(loaded);
        Output output = Output.of(root.console(), spec.commandLine(), harness.plain);
        SourceRoots roots = sources.roots(loaded.folder());
        PlanExecution execution = new PlanExecution(reports, leaks, roots, output);
        try (LiveProgress live = new LiveProgress(selected.cases().size(), output,
                c -> TextSummary.caseBlock(leaks.reported(c, roots), roots), System::nanoTime)) {
            RunOptions options = harness.apply(RunOptions.defaults(), root.console(), output.err())
                    .withJobs(jobs != null ? jobs : Runtime.getRuntime().availableProcessors());
            execution.whenInterrupted(live::close);
            RunResult result = execution.run(selected,
                    harness.quiet ? options : options.withProgress(live.start()));
            live.close();
            execution.report(result, true, live.shown(), () -> { });
            return ExitCodes.of(result);
        }
    }

    /** The plan with only the cases of {@code --case} and of {@code --shard} (possibly none), timeouts scaled. */
    private Plan select(Plan loaded) {
        List<String> names = loaded.cases().stream().map(c -> c.name())
                .filter(name -> cases.isEmpty() || cases.contains(name)).toList();
        List<String> chosen = shard == null ? names : shard.select(names);
        return new Plan(loaded.version(), loaded.name(), loaded.path(), loaded.folder(), loaded.build(),
                loaded.cases().stream().filter(c -> chosen.contains(c.name()))
                        .map(c -> c.withTimeout(c.timeout().map(harness::scaled))).toList());
    }

    private Plan load() {
        try {
            return PlanLoader.load(plan);
        } catch (PlanException e) {
            throw ExitCodes.UsageException.located(e.getMessage());
        }
    }
}
