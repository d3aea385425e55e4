package dev.vgharness.run;

import static java.util.Objects.requireNonNull;

import dev.vgharness.plan.MetricExpectation;
import dev.vgharness.result.WatchSample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@code vgharness watch} is asked to do.
 *
 * @param target a running process ({@link Pid}) or a program to start ({@link Program})
 * @param every the time between two samples
 * @param span how long to watch; empty: until {@link WatchRunner#requestStop()} (Ctrl-C) or the target's end
 * @param breaks gdb locations to measure at besides the periodic samples, every hit
 * @param expectations rate expectations checked at the end
 * @param noPtrace read /proc only, never attach (no mallinfo2, no breakpoints)
 * @param trimProbe call {@code malloc_trim(0)} at the end and measure what it gives back
 * @param gdb the gdb binary
 * @param commandTimeout the deadline of every MI command
 * @param traffic every MI line (for {@code -v})
 * @param notices one-line messages for the user while watching (why ptrace is not used)
 * @param onSample told about every sample as it is taken
 */
public record WatchRequest(Target target, Duration every, Optional<Duration> span, List<String> breaks,
        List<MetricExpectation> expectations, boolean noPtrace, boolean trimProbe, String gdb,
        Duration commandTimeout, Consumer<String> traffic, Consumer<String> notices, Consumer<WatchSample> onSample) {

    public WatchRequest {
        requireNonNull(target, "target is null");
        requireNonNull(every, "every is null");
        requireNonNull(span, "span is null");
        breaks = List.copyOf(breaks);
        expectations = List.copyOf(expectations);
        requireNonNull(gdb, "gdb is null");
        requireNonNull(commandTimeout, "commandTimeout is null");
        requireNonNull(traffic, "traffic is null");
        requireNonNull(notices, "notices is null");
        requireNonNull(onSample, "onSample is null");
        if (every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException("every must be more than 0: " + every);
        }
    }

    /** A watch of {@code target} every {@code every}, nothing else asked, gdb from PATH, 60 s a command, silent. */
    public static WatchRequest of(Target target, Duration every, Optional<Duration> span) {
        return new WatchRequest(target, every, span, List.of(), List.of(), false, false, "gdb", Duration.ofSeconds(60),
                line -> { }, line -> { }, sample -> { });
    }

    /** Where the process comes from. */
    public sealed interface Target permits Pid, Program {
    }

    /** A process already running: attach, and always leave it running. */
    public record Pid(long pid) implements Target {
    }

    /** A program to start natively under gdb (as {@code mode: native} does), ended with the watch. */
    public record Program(List<String> argv, Path cwd) implements Target {
        public Program {
            argv = List.copyOf(argv);
            requireNonNull(cwd, "cwd is null");
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("argv is empty");
            }
        }
    }

    public WatchRequest withBreaks(List<String> locations) {
        return new WatchRequest(target, every, span, locations, expectations, noPtrace, trimProbe, gdb, commandTimeout,
                traffic, notices, onSample);
    }

    public WatchRequest withExpectations(List<MetricExpectation> checks) {
        return new WatchRequest(target, every, span, breaks, checks, noPtrace, trimProbe, gdb, commandTimeout, traffic,
                notices, onSample);
    }

    public WatchRequest withNoPtrace(boolean procOnly) {
        return new WatchRequest(target, every, span, breaks, expectations, procOnly, trimProbe, gdb, commandTimeout,
                traffic, notices, onSample);
    }

    public WatchRequest withTrimProbe(boolean probe) {
        return new WatchRequest(target, every, span, breaks, expectations, noPtrace, probe, gdb, commandTimeout,
                traffic, notices, onSample);
    }

    public WatchRequest withGdb(String path, Duration timeout, Consumer<String> log) {
        return new WatchRequest(target, every, span, breaks, expectations, noPtrace, trimProbe, path, timeout, log,
                notices, onSample);
    }

    public WatchRequest withListeners(Consumer<String> noticeLines, Consumer<WatchSample> samples) {
        return new WatchRequest(target, every, span, breaks, expectations, noPtrace, trimProbe, gdb, commandTimeout,
                traffic, noticeLines, samples);
    }
}
