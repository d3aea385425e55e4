package dev.vgharness.run;

import dev.vgharness.plan.CaseMode;
import dev.vgharness.plan.CaseSpec;
import dev.vgharness.plan.LeakCheckAction;
import dev.vgharness.plan.Plan;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.HarnessTime;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;
import dev.vgharness.vgdb.Executables;
import dev.vgharness.vgdb.ShortCommand;
import dev.vgharness.vgdb.Toolchain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a plan: its {@code build:} once, then its cases, up to {@code jobs} at once (each with its own private
 * directory and vgdb prefix), and returns the whole result, cases in plan order.
 */
public final class PlanRunner {

    private static final Duration BUILD_DEADLINE = Duration.ofMinutes(30);
    private static final Toolchain.Version FIRST_WITH_NEW = new Toolchain.Version(3, 21);
    /** The environment's gdb entry when every case ran valgrind alone. */
    static final String GDB_NOT_USED = "not used (no case stops the target)";

    private final RunOptions options;
    private final Clock clock;
    private final String version;
    private final Map<String, RunningCase> running = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, CaseResult> finished = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Snapshot snapshot;

    /** What a partial report needs besides the cases. */
    private record Snapshot(Plan plan, Instant started, long startNanos,
            java.util.concurrent.CompletableFuture<Map<String, String>> environment) {
    }

    public PlanRunner(RunOptions options, Clock clock, String version) {
        this.options = options;
        this.clock = clock;
        this.version = version;
    }

    public RunResult run(Plan plan) {
        Instant started = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long start = System.nanoTime();
        // gdb --version alone takes half a second (its Python starts): ask while the build and the cases run.
        java.util.concurrent.CompletableFuture<Map<String, String>> versions =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> environment(plan));
        snapshot = new Snapshot(plan, started, start, versions);
        OwnTimes ownTimes = new OwnTimes();
        RunResult.BuildFailure build = plan.build().flatMap(command -> build(plan, command)).orElse(null);
        List<CaseResult> cases = build == null ? runCases(plan.cases(), versions, ownTimes) : List.of();
        Map<String, String> environment = versions.join();
        RunStatus status = build != null ? RunStatus.ERROR
                : cases.stream().map(CaseResult::status).reduce(RunStatus.PASSED, RunStatus::and);
        return new RunResult(new RunResult.Tool("vgharness", version),
                new RunResult.PlanInfo(plan.name(), plan.path().toString()), environment, started,
                (System.nanoTime() - start) / 1_000_000, status, build, cases, harnessTime(ownTimes));
    }

    private HarnessTime harnessTime(OwnTimes ownTimes) {
        HarnessTime time = ownTimes.summary();
        if (time.stops() > 0) {
            options.traffic().accept("harness: " + time.stops() + " stops, own time per stop: median "
                    + time.ownMsPerStopMedian() + " ms, max " + time.ownMsPerStopMax() + " ms");
        }
        return time;
    }

    /**
     * The run as far as it got: finished cases as they ended, running ones with what they gathered (status error,
     * "interrupted"), cases not started left out; before {@link #run} began, {@code plan} with no case. For a report
     * written when the harness is stopped mid-run.
     */
    public RunResult partial(Plan plan) {
        Snapshot s = snapshot;
        if (s == null) {
            return new RunResult(new RunResult.Tool("vgharness", version),
                    new RunResult.PlanInfo(plan.name(), plan.path().toString()), Map.of(),
                    clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), 0, RunStatus.ERROR, null,
                    List.of());
        }
        List<CaseResult> cases = new ArrayList<>();
        for (CaseSpec spec : s.plan().cases()) {
            CaseResult done = finished.get(spec.name());
            RunningCase runner = running.get(spec.name());
            if (done != null) {
                cases.add(done);
            } else if (runner != null) {
                cases.add(runner.partial());
            }
        }
        return new RunResult(new RunResult.Tool("vgharness", version),
                new RunResult.PlanInfo(s.plan().name(), s.plan().path().toString()),
                s.environment().exceptionally(e -> Map.of()).getNow(Map.of()), s.started(),
                (System.nanoTime() - s.startNanos()) / 1_000_000, RunStatus.ERROR, null, cases);
    }

    private Optional<RunResult.BuildFailure> build(Plan plan, String command) {
        ShortCommand.Result r = ShortCommand.run(List.of("sh", "-c", command), null, plan.folder(), BUILD_DEADLINE);
        if (r.succeeded() && !r.timedOut()) {
            return Optional.empty();
        }
        return Optional.of(new RunResult.BuildFailure(command, r.exitCode(), r.stdout() + r.stderr()));
    }

    private List<CaseResult> runCases(List<CaseSpec> cases,
            java.util.concurrent.CompletableFuture<Map<String, String>> environment, OwnTimes ownTimes) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.jobs(), Math.max(1, cases.size())),
                runnable -> {
                    Thread t = new Thread(runnable, "vgharness-case");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<CaseResult>> futures = new ArrayList<>();
            for (CaseSpec spec : cases) {
                futures.add(pool.submit(() -> runCase(spec, environment, ownTimes)));
            }
            List<CaseResult> results = new ArrayList<>();
            for (Future<CaseResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the cases", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a case failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private CaseResult runCase(CaseSpec spec, java.util.concurrent.CompletableFuture<Map<String, String>> environment,
            OwnTimes ownTimes) {
        options.progress().caseStarted(spec.name());
        CaseResult result = unsupported(spec, () -> Objects.requireNonNullElse(environment.join().get("valgrind"), ""))
                .orElseGet(() -> {
            RunOptions named = options.withProgress(new CaseProgress(options.progress(), spec.name()));
            RunningCase runner = spec.mode() == CaseMode.NATIVE ? new NativeCaseRunner(spec, named)
                    : new MemcheckCaseRunner(spec, named, ownTimes);
            running.put(spec.name(), runner);
            return FindLostRun.after(spec, options, runner.run());
        });
        finished.put(spec.name(), result);
        running.remove(spec.name());
        options.progress().caseFinished(result);
        return result;
    }

    /** {@code delta: new} needs valgrind 3.21+: say so instead of running a case that cannot work. */
    private static Optional<CaseResult> unsupported(CaseSpec spec, java.util.function.Supplier<String> version) {
        boolean usesNew = spec.breakpoints().stream().flatMap(b -> b.actions().stream())
                .anyMatch(a -> a instanceof LeakCheckAction l && l.delta() == LeakCheckAction.Delta.NEW);
        if (!usesNew) {
            return Optional.empty();
        }
        String valgrindVersion = version.get();
        Optional<Toolchain.Version> v = Toolchain.parseVersion(valgrindVersion);
        if (v.isEmpty() || v.get().compareTo(FIRST_WITH_NEW) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new CaseResult(spec.name(), RunStatus.ERROR, "leak_check 'delta: new' needs valgrind 3.21"
                + " or newer; this is " + valgrindVersion + " (use 'increased' or 'changed')", spec.command(), 0, 0,
                List.of(), null, null, List.of(), null));
    }

    /** Versions of valgrind, gdb (when a case starts it) and java, as far as they can be found. */
    private Map<String, String> environment(Plan plan) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("valgrind", version(options.valgrind(), "valgrind-"));
        versions.put("gdb", usesGdb(plan) ? version(options.gdb(), null) : GDB_NOT_USED);
        versions.put("java", System.getProperty("java.version"));
        return versions;
    }

    private static boolean usesGdb(Plan plan) {
        return plan.cases().stream().anyMatch(c -> c.mode() == CaseMode.NATIVE || MemcheckCaseRunner.needsGdb(c));
    }

    private static String version(String tool, String prefix) {
        Optional<String> line;
        try {
            line = Executables.find(tool).flatMap(path -> Toolchain.versionLine(path, null));
        } catch (RuntimeException e) {
            return null; // the harness is shutting down: no version, no spurious error
        }
        if (line.isEmpty()) {
            return null;
        }
        if (prefix != null && line.get().startsWith(prefix)) {
            return line.get().substring(prefix.length());
        }
        return Toolchain.parseVersion(line.get()).map(Object::toString).orElse(line.get());
    }
}
