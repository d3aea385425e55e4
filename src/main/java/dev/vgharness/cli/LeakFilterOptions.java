package dev.vgharness.cli;

import dev.vgharness.memcheck.LeakIdentity;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.report.LossRecordFilter;
import dev.vgharness.report.SourceLines;
import dev.vgharness.report.SourceRoots;
import dev.vgharness.report.SuppressionFile;
import dev.vgharness.result.RunResult;
import dev.vgharness.run.Baseline;
import dev.vgharness.run.KnownLeaks;
import dev.vgharness.run.RunOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import picocli.CommandLine.Option;

/**
 * Known leaks and what counts: {@code --baseline} (matching records are flagged and left out of every metric),
 * {@code --own-code-only} (records with no frame under a source root are left out of the metrics like baseline
 * records, and then out of the reports too), and the files made from the leaks found ({@code --write-baseline},
 * {@code --write-suppressions}).
 */
final class LeakFilterOptions {

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "known leaks (YAML list of {kind, stack, note}; docs/report.md): matching loss records count in"
                    + " no metric")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "write the lost leaks found as a baseline")
    Path writeBaseline;

    @Option(names = "--write-suppressions", paramLabel = "FILE",
            description = "write valgrind suppressions for every lost leak found")
    Path writeSuppressions;

    @Option(names = "--own-code-only",
            description = "leave out loss records with no frame in the source roots (reports and metrics)")
    boolean ownCodeOnly;

    /**
     * The run options with the known leaks: identified with the sources under the roots, matched against the
     * baseline; a bad baseline file is a usage error (exit 2).
     */
    RunOptions apply(RunOptions options, SourceRoots roots) {
        BiPredicate<LossRecord, LeakIdentity> known = (record, identity) -> false;
        if (baseline != null) {
            Baseline loaded = load();
            known = (record, identity) -> loaded.matches(identity);
        }
        if (ownCodeOnly) {
            known = known.or((record, identity) -> roots.firstOwnFrame(record.stack()).isEmpty());
        }
        return options.withKnownLeaks(new KnownLeaks(new SourceLines(roots), known));
    }

    /** The result as reported: without the records outside the user's code when asked. */
    RunResult reported(RunResult result, SourceRoots roots) {
        return ownCodeOnly ? LossRecordFilter.ownCodeOnly(result, roots) : result;
    }

    /** A case as reported, for its block printed as it ends. */
    dev.vgharness.result.CaseResult reported(dev.vgharness.result.CaseResult c, SourceRoots roots) {
        return ownCodeOnly ? LossRecordFilter.ownCodeOnly(c, roots) : c;
    }

    /** Writes the baseline and suppression files asked for; returns those written. */
    List<Path> writeFiles(RunResult result, java.io.PrintWriter err) {
        List<Path> written = new ArrayList<>();
        if (writeBaseline != null) {
            try {
                Baseline.of(result).write(writeBaseline);
                written.add(writeBaseline);
            } catch (IOException e) {
                err.println("vgharness: cannot write " + writeBaseline + ": " + e.getMessage());
            }
        }
        if (writeSuppressions != null) {
            try {
                SuppressionFile.write(result, writeSuppressions);
                written.add(writeSuppressions);
            } catch (IOException e) {
                err.println("vgharness: cannot write " + writeSuppressions + ": " + e.getMessage());
            }
        }
        return written;
    }

    private Baseline load() {
        try {
            return Baseline.read(baseline);
        } catch (Baseline.BaselineException e) {
            throw ExitCodes.UsageException.located(e.getMessage());
        } catch (IOException e) {
            throw new ExitCodes.UsageException("--baseline " + baseline + ": cannot read: " + e.getMessage());
        }
    }
}
