package dev.vgharness.cli;

import dev.vgharness.run.OutputEcho;
import dev.vgharness.run.RunOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.OptionalInt;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options {@code run} and {@code check} share: tools, timeouts, verbosity, what a stop keeps. */
final class HarnessOptions {

    @Mixin
    ToolOptions tools = new ToolOptions();

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            description = "per-case timeout of the cases whose plan sets none, e.g. 90s, 5m (default 5m)")
    Duration timeout;

    @Option(names = "--timeout-multiplier", paramLabel = "X", converter = Converters.Multiplier.class,
            description = "multiply every case's timeout, the plan's and --timeout's, by X (e.g. 3 on a slow CI"
                    + " machine)")
    Double timeoutMultiplier;

    @Option(names = {"-q", "--quiet"}, description = "less output: no live per-case blocks or status line")
    boolean quiet;

    @Option(names = "--plain", description = "no colour and no live status line, even on a terminal (NO_COLOR"
            + " does the same)")
    boolean plain;

    @Option(names = "--transcript", description = "keep every monitor command sent at a stop with its raw answer in"
            + " the report (each capped at 256 KiB); -v also does")
    boolean transcript;

    @Option(names = "--stop-records", paramLabel = "N|all", converter = Converters.CountOrAll.class,
            description = "loss records a stop keeps in the report, those that changed most first (default 200; its"
                    + " summary and expectations count them all)")
    OptionalInt stopRecords;

    @Option(names = "--show-output", description = "pass the target's stdout and stderr through while it runs"
            + " (they are kept in the report either way)")
    boolean showOutput;

    RunOptions apply(RunOptions options, Console console, PrintWriter err) {
        RunOptions o = options.withTools(tools.valgrind, tools.gdb.gdb).withTranscript(transcript || tools.gdb.verbose)
                .withCommandTimeout(tools.gdb.commandTimeout);
        if (stopRecords != null) {
            o = o.withStopRecords(stopRecords);
        }
        if (showOutput) {
            o = o.withEcho(new OutputEcho(console.out(), console.err()));
        }
        if (timeout != null) {
            o = o.withDefaultTimeout(timeout);
        }
        if (timeoutMultiplier != null) {
            o = o.withDefaultTimeout(scaled(o.defaultTimeout()));
        }
        if (tools.gdb.verbose) {
            o = o.withTraffic(line -> err.println(line));
        }
        return o;
    }

    /** A timeout times {@code --timeout-multiplier} (at least a millisecond); as it is without one. */
    Duration scaled(Duration timeout) {
        if (timeoutMultiplier == null) {
            return timeout;
        }
        return Duration.ofMillis(Math.max(1, Math.round(timeout.toMillis() * timeoutMultiplier)));
    }
}
