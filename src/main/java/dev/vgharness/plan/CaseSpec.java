package dev.vgharness.plan;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One case of a plan, with the plan's {@code defaults:} already merged in: one run of the target under Memcheck
 * with gdb attached. The merge rules are:
 * <ul>
 *   <li>{@code command}, {@code cwd}, {@code stdin}, {@code timeout}: the case's value if it has one, else the
 *       default's;</li>
 *   <li>{@code env}: merged key by key, the case's value winning;</li>
 *   <li>{@code valgrind.options}: the defaults' options first, then the case's (Valgrind takes the last of a
 *       repeated option, so the case still wins);</li>
 *   <li>{@code valgrind.suppressions}: the defaults' files, then the case's (suppression files add up; a case
 *       cannot drop a default one);</li>
 *   <li>{@code expect}: merged metric by metric, the case's value winning.</li>
 * </ul>
 *
 * @param command argv; an argv[0] containing a '/' is resolved against the plan's folder and made absolute, a
 *     bare name is left to be found on PATH
 * @param cwd the target's working directory, absolute (default: the plan's folder)
 * @param env added to the harness's environment, in the order written
 * @param stdin a file fed to the target's standard input, absolute
 * @param timeout for the whole case; empty when neither the case nor the defaults set one (the CLI's
 *     {@code --timeout} or the runner's own default applies, see {@link #timeoutOr})
 * @param valgrindOptions extra Valgrind options, defaults first
 * @param suppressions suppression files, absolute
 * @param expectations checked when the target has ended
 * @param mode memcheck (the default) or native ({@code mode: native}: plain gdb, no valgrind)
 * @param malloc glibc malloc tunables for the target ({@code malloc:}; the case's keys win over the defaults')
 * @param sample periodic samples instead of (or besides) breakpoints ({@code sample:}), case only
 * @param onError stops at Memcheck errors ({@code on_error:}), case only
 * @param attach a running process to watch instead of starting {@code command} (then empty), case only
 * @param findLost a second run that finds where the exit's leaks were lost ({@code find_lost:}), case only
 * @param childExpectations {@code children: expect:}, checked for every child process when it has ended
 *     ({@code expectations} are about the main process only)
 */
public record CaseSpec(String name, List<String> command, Path cwd, Map<String, String> env, Optional<Path> stdin,
        Optional<Duration> timeout, List<String> valgrindOptions, List<Path> suppressions,
        List<BreakpointSpec> breakpoints, List<Expectation> expectations, CaseMode mode, MallocTuning malloc,
        Optional<SampleSchedule> sample, Optional<ErrorStops> onError, Optional<AttachSpec> attach,
        Optional<FindLost> findLost, List<Expectation> childExpectations) {

    /** A case that does not look for where its leaks were lost and has no expectations for its child processes. */
    public CaseSpec(String name, List<String> command, Path cwd, Map<String, String> env, Optional<Path> stdin,
            Optional<Duration> timeout, List<String> valgrindOptions, List<Path> suppressions,
            List<BreakpointSpec> breakpoints, List<Expectation> expectations, CaseMode mode, MallocTuning malloc,
            Optional<SampleSchedule> sample, Optional<ErrorStops> onError, Optional<AttachSpec> attach) {
        this(name, command, cwd, env, stdin, timeout, valgrindOptions, suppressions, breakpoints, expectations, mode,
                malloc, sample, onError, attach, Optional.empty(), List.of());
    }

    /** A case that starts its program and does not stop at errors. */
    public CaseSpec(String name, List<String> command, Path cwd, Map<String, String> env, Optional<Path> stdin,
            Optional<Duration> timeout, List<String> valgrindOptions, List<Path> suppressions,
            List<BreakpointSpec> breakpoints, List<Expectation> expectations, CaseMode mode, MallocTuning malloc,
            Optional<SampleSchedule> sample) {
        this(name, command, cwd, env, stdin, timeout, valgrindOptions, suppressions, breakpoints, expectations, mode,
                malloc, sample, Optional.empty(), Optional.empty());
    }

    /** A memcheck case without malloc tuning or sampling. */
    public CaseSpec(String name, List<String> command, Path cwd, Map<String, String> env, Optional<Path> stdin,
            Optional<Duration> timeout, List<String> valgrindOptions, List<Path> suppressions,
            List<BreakpointSpec> breakpoints, List<Expectation> expectations) {
        this(name, command, cwd, env, stdin, timeout, valgrindOptions, suppressions, breakpoints, expectations,
                CaseMode.MEMCHECK, MallocTuning.NONE, Optional.empty());
    }

    public CaseSpec {
        requireNonNull(name, "name is null");
        requireNonNull(cwd, "cwd is null");
        requireNonNull(stdin, "stdin is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(malloc, "malloc is null");
        requireNonNull(sample, "sample is null");
        requireNonNull(onError, "onError is null");
        requireNonNull(attach, "attach is null");
        requireNonNull(findLost, "findLost is null");
        command = List.copyOf(command);
        // Map.copyOf would lose the written order, which reports and tests rely on.
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        valgrindOptions = List.copyOf(valgrindOptions);
        suppressions = List.copyOf(suppressions);
        breakpoints = List.copyOf(breakpoints);
        expectations = List.copyOf(expectations);
        childExpectations = List.copyOf(childExpectations);
        if (command.isEmpty() == attach.isEmpty()) {
            throw new IllegalArgumentException("a case has a command or attaches, not both nor neither");
        }
    }

    /** The case's timeout, or {@code fallback} (e.g. the CLI's {@code --timeout}) when the plan sets none. */
    public Duration timeoutOr(Duration fallback) {
        return timeout.orElse(fallback);
    }

    /** The same case with another timeout (the CLI's {@code --timeout-multiplier}). */
    public CaseSpec withTimeout(Optional<Duration> newTimeout) {
        return new CaseSpec(name, command, cwd, env, stdin, newTimeout, valgrindOptions, suppressions, breakpoints,
                expectations, mode, malloc, sample, onError, attach, findLost, childExpectations);
    }

    /** The same case in another mode (the CLI's {@code --native}). */
    public CaseSpec withMode(CaseMode newMode) {
        return new CaseSpec(name, command, cwd, env, stdin, timeout, valgrindOptions, suppressions, breakpoints,
                expectations, newMode, malloc, sample, onError, attach, findLost, childExpectations);
    }

    /** The same case stopping at Memcheck errors (the CLI's {@code check --on-error}). */
    public CaseSpec withOnError(ErrorStops stops) {
        return new CaseSpec(name, command, cwd, env, stdin, timeout, valgrindOptions, suppressions, breakpoints,
                expectations, mode, malloc, sample, Optional.of(stops), attach, findLost, childExpectations);
    }

    /** The same case with a second run finding where its leaks were lost (the CLI's {@code check --find-lost}). */
    public CaseSpec withFindLost(FindLost find) {
        return new CaseSpec(name, command, cwd, env, stdin, timeout, valgrindOptions, suppressions, breakpoints,
                expectations, mode, malloc, sample, onError, attach, Optional.of(find), childExpectations);
    }

    /** Whether Valgrind follows the target into exec'd programs ({@code --trace-children=yes}, the last one wins). */
    public boolean tracesChildren() {
        String last = null;
        for (String option : valgrindOptions) {
            if (option.startsWith("--trace-children=")) {
                last = option.substring("--trace-children=".length());
            }
        }
        return "yes".equals(last);
    }

    /** The target's environment: {@code env}, plus GLIBC_TUNABLES when {@code malloc} sets any. */
    public Map<String, String> targetEnvironment() {
        Map<String, String> all = new LinkedHashMap<>(env);
        malloc.tunables().ifPresent(t -> all.put("GLIBC_TUNABLES", t));
        return Collections.unmodifiableMap(all);
    }
}
