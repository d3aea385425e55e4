package dev.vgharness.run;

import static java.util.Objects.requireNonNull;

import dev.vgharness.result.CaseResult;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * How to run a plan: what the command line decides.
 *
 * @param defaultTimeout per case, when the plan sets none
 * @param valgrind the valgrind binary (name on PATH or path)
 * @param gdb the gdb binary
 * @param jobs cases run at once
 * @param commandTimeout the deadline of every MI and monitor command
 * @param traffic every MI line sent and received, prefixed with the case name (for {@code -v})
 * @param knownLeaks how loss records are identified (the user's sources) and which are known (count in no metric)
 * @param progress told when a case starts and ends
 * @param transcript whether every stop keeps each monitor command with its raw answer ({@code --transcript}, -v)
 * @param echo where the target's stdout and stderr also go while it runs ({@code --show-output}), if anywhere
 * @param stopRecords loss records a stop keeps in the report at most (those that changed most), empty for all
 */
public record RunOptions(Duration defaultTimeout, String valgrind, String gdb, int jobs,
        Duration commandTimeout, Consumer<String> traffic, KnownLeaks knownLeaks, Progress progress,
        boolean transcript, Optional<OutputEcho> echo, OptionalInt stopRecords) {

    public RunOptions {
        requireNonNull(defaultTimeout, "defaultTimeout is null");
        requireNonNull(valgrind, "valgrind is null");
        requireNonNull(gdb, "gdb is null");
        requireNonNull(commandTimeout, "commandTimeout is null");
        requireNonNull(traffic, "traffic is null");
        requireNonNull(knownLeaks, "knownLeaks is null");
        requireNonNull(progress, "progress is null");
        requireNonNull(echo, "echo is null");
        requireNonNull(stopRecords, "stopRecords is null");
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1: " + jobs);
        }
    }

    /**
     * 5 minutes a case, valgrind and gdb from PATH, one job, 60 s a command, nothing logged, no sources, no
     * baseline, no transcript, the target's output captured only.
     */
    public static RunOptions defaults() {
        return new RunOptions(Duration.ofMinutes(5), "valgrind", "gdb", 1, Duration.ofSeconds(60),
                line -> { }, KnownLeaks.NONE, Progress.NONE, false, Optional.empty(),
                OptionalInt.of(StopRecords.DEFAULT_LIMIT));
    }

    public RunOptions withTranscript(boolean keep) {
        return new RunOptions(defaultTimeout, valgrind, gdb, jobs, commandTimeout, traffic, knownLeaks, progress, keep,
                echo, stopRecords);
    }

    public RunOptions withStopRecords(OptionalInt limit) {
        return new RunOptions(defaultTimeout, valgrind, gdb, jobs, commandTimeout, traffic, knownLeaks, progress,
                transcript, echo, limit);
    }

    public RunOptions withEcho(OutputEcho to) {
        return new RunOptions(defaultTimeout, valgrind, gdb, jobs, commandTimeout, traffic, knownLeaks, progress,
                transcript, Optional.of(to), stopRecords);
    }

    public RunOptions withJobs(int n) {
        return new RunOptions(defaultTimeout, valgrind, gdb, n, commandTimeout, traffic, knownLeaks, progress,
                transcript, echo, stopRecords);
    }

    public RunOptions withDefaultTimeout(Duration timeout) {
        return new RunOptions(timeout, valgrind, gdb, jobs, commandTimeout, traffic, knownLeaks, progress,
                transcript, echo, stopRecords);
    }

    public RunOptions withTools(String valgrindPath, String gdbPath) {
        return new RunOptions(defaultTimeout, valgrindPath, gdbPath, jobs, commandTimeout, traffic, knownLeaks,
                progress, transcript, echo, stopRecords);
    }

    public RunOptions withCommandTimeout(Duration timeout) {
        return new RunOptions(defaultTimeout, valgrind, gdb, jobs, timeout, traffic, knownLeaks, progress,
                transcript, echo, stopRecords);
    }

    public RunOptions withTraffic(Consumer<String> log) {
        return new RunOptions(defaultTimeout, valgrind, gdb, jobs, commandTimeout, log, knownLeaks, progress,
                transcript, echo, stopRecords);
    }

    public RunOptions withKnownLeaks(KnownLeaks known) {
        return new RunOptions(defaultTimeout, valgrind, gdb, jobs, commandTimeout, traffic, known, progress,
                transcript, echo, stopRecords);
    }

    public RunOptions withProgress(Progress listener) {
        return new RunOptions(defaultTimeout, valgrind, gdb, jobs, commandTimeout, traffic, knownLeaks,
                listener, transcript, echo, stopRecords);
    }

    /** Told as cases start, stop and end (called from the case's thread). */
    public interface Progress {
        Progress NONE = new Progress() {
        };

        default void caseStarted(String name) {
        }

        /** The case reached a stop (a breakpoint hit or an error stop) under Memcheck; its actions run next. */
        default void caseStopped(String name) {
        }

        default void caseFinished(CaseResult result) {
        }
    }
}
