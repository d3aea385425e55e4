package dev.vgharness.cli;

import dev.vgharness.plan.DurationText;
import dev.vgharness.run.OutputEcho;
import dev.vgharness.run.RunOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options {@code run} and {@code check} share: tools, timeouts, verbosity. */
final class HarnessOptions {

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "default per-case timeout, e.g. 90s, 5m (the plan may override); default 5m")
    String timeout;

    @Option(names = "--command-timeout", paramLabel = "DURATION",
            description = "deadline of every MI and monitor command; default 60s")
    String commandTimeout;

    @Option(names = "--valgrind", paramLabel = "PATH", defaultValue = "valgrind", description = "valgrind to use")
    String valgrind;

    @Option(names = "--gdb", paramLabel = "PATH", defaultValue = "gdb", description = "gdb to use")
    String gdb;

    @Option(names = {"-v", "--verbose"}, description = "more detail: every MI command and answer, stack traces")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "less output: no per-stop lines")
    boolean quiet;

    @Option(names = "--transcript", description = "keep every monitor command sent at a stop with its raw answer in"
            + " the report (each capped at 256 KiB); -v also does")
    boolean transcript;

    @Option(names = "--stop-records", paramLabel = "N|all", description = "loss records a stop keeps in the report,"
            + " those that changed most first (default 200; its summary and expectations count them all)")
    String stopRecords;

    @Option(names = "--show-output", description = "pass the target's stdout and stderr through while it runs"
            + " (they are kept in the report either way)")
    boolean showOutput;

    RunOptions apply(RunOptions options) {
        RunOptions o = options.withTools(valgrind, gdb).withTranscript(transcript || verbose);
        if (stopRecords != null) {
            o = o.withStopRecords(stopRecords.equals("all") ? java.util.OptionalInt.empty()
                    : java.util.OptionalInt.of(positive("--stop-records", stopRecords)));
        }
        if (showOutput) {
            o = o.withEcho(new OutputEcho(System.out, System.err));
        }
        if (timeout != null) {
            o = o.withDefaultTimeout(duration("--timeout", timeout));
        }
        if (commandTimeout != null) {
            o = o.withCommandTimeout(duration("--command-timeout", commandTimeout));
        }
        if (verbose) {
            o = o.withTraffic(line -> System.err.println(line));
        }
        return o;
    }

    private static int positive(String option, String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ExitCodes.UsageException(option + ": '" + text + "' is not a number of at least 1 or 'all'");
    }

    private static Duration duration(String option, String text) {
        return DurationText.parse(text).orElseThrow(() -> new ExitCodes.UsageException(
                option + ": '" + text + "' is not a duration (use e.g. 500ms, 90s, 5m, 1h)"));
    }
}
