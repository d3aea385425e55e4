package dev.vgharness.cli;

import dev.vgharness.report.JsonReportReader;
import dev.vgharness.report.RunMerge;
import dev.vgharness.report.SourceRoots;
import dev.vgharness.result.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vgharness merge A.json B.json ... [--json|--junit|--sarif|--html|--report-dir]}: joins the JSON reports of
 * shards into one run and writes it in every format asked for; the exit code is that of the joined run.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Join the JSON reports of shards (run --shard K/N) into one report.",
        footer = {"", "Exit codes: those of the joined run: 0 every case passed, 1 an expectation failed, 2 bad"
            + " usage (a report not found or not one), 3 an infrastructure failure in a shard."})
final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    VgharnessCommand root;

    @Parameters(paramLabel = "REPORT", arity = "1..*", description = "JSON reports written by run --json")
    List<Path> inputs;

    @Mixin
    ReportOptions reports = new ReportOptions();

    @Mixin
    SourceRootOptions.Here sources = new SourceRootOptions.Here();

    @Override
    public Integer call() {
        List<RunResult> runs = new ArrayList<>();
        for (Path input : inputs) {
            runs.add(read(input));
        }
        RunResult merged = RunMerge.merge(runs);
        reports.write(merged, sources.roots(), true, List.of(),
                Output.of(root.console(), spec.commandLine(), false));
        return ExitCodes.of(merged);
    }

    private static RunResult read(Path input) {
        if (!java.nio.file.Files.exists(input)) {
            throw new ExitCodes.UsageException(input + ": not found");
        }
        try {
            return JsonReportReader.read(input);
        } catch (IOException | RuntimeException e) {
            throw new ExitCodes.UsageException(input + ": not a vgharness JSON report: "
                    + ExitCodes.oneLine(e));
        }
    }
}
