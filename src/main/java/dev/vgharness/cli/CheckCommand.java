package dev.vgharness.cli;

import dev.vgharness.memcheck.BlockContents;
import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.plan.Action;
import dev.vgharness.plan.BlockListAction;
import dev.vgharness.plan.BreakpointSpec;
import dev.vgharness.plan.CaseMode;
import dev.vgharness.plan.CaseSpec;
import dev.vgharness.plan.Comparison;
import dev.vgharness.plan.ErrorStops;
import dev.vgharness.plan.ExitCodeExpectation;
import dev.vgharness.plan.Expectation;
import dev.vgharness.plan.FindLost;
import dev.vgharness.plan.LeakCheckAction;
import dev.vgharness.plan.LossKind;
import dev.vgharness.plan.MallocTuning;
import dev.vgharness.plan.Metric;
import dev.vgharness.plan.MetricExpectation;
import dev.vgharness.plan.Plan;
import dev.vgharness.plan.SignalExpectation;
import dev.vgharness.report.BlockListTable;
import dev.vgharness.report.LossRecordTable;
import dev.vgharness.report.SourceRoots;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.MemorySnapshot;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.StopResult;
import dev.vgharness.run.RunOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vgharness check [--break LOC]... -- PROG ARGS}: one run of a program, a leak check at every hit of every
 * {@code --break} and at exit, the loss records as tables, the same JSON report as {@code run}. What fails the check
 * ({@code --fail-on} leaks and errors, an exit status other than 0 or {@code --allow-exit}, a crash) becomes the
 * case's expectations, so the FAIL line, the counts, the exit status and every report say the same.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run PROG once under the harness: a leak check at each --break hit and at exit; fails on"
                + " the --fail-on leaks and errors, an exit status other than 0 or --allow-exit, a crash.",
        footer = {"", "Everything from PROG on is the program's own command line, options included.", "",
            "Examples:",
            "  vgharness check -- ./server --once",
            "  vgharness check --break handle_request --fail-on definite,possible -- ./server",
            "  vgharness check --on-error --report-dir out/ -- ./parser input.txt",
            "", "Exit codes: 0 the check passed, 1 it failed (leaks or errors of --fail-on, an exit status, a"
                + " crash), 2 bad usage (nothing run), 3 an infrastructure failure (valgrind or gdb missing, a"
                + " timeout)."})
final class CheckCommand implements Callable<Integer> {

    /** What {@code --fail-on} can name. */
    enum FailOn {
        DEFINITE, INDIRECT, POSSIBLE, REACHABLE, ERRORS, NONE;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What {@code --leak-check} can ask for. */
    enum LeakCheckMode {
        FULL, SUMMARY
    }

    @Spec
    CommandSpec spec;

    @ParentCommand
    VgharnessCommand root;

    @Option(names = "--break", paramLabel = "LOC", description = "a gdb location to leak-check at, every hit (repeatable)")
    List<String> breaks = new ArrayList<>();

    @Option(names = "--leak-check", paramLabel = "MODE", defaultValue = "full",
            description = "full (default) or summary")
    LeakCheckMode mode;

    @Option(names = "--fail-on", paramLabel = "KINDS", split = ",", defaultValue = "definite,errors",
            description = "what fails the check: leaks at exit of the kinds definite, indirect, possible, reachable;"
                    + " errors (Memcheck errors); or none (default definite,errors)")
    List<FailOn> failOn;

    @Option(names = "--allow-exit", paramLabel = "N", split = ",", converter = Converters.ExitStatus.class,
            description = "an exit status of PROG that passes besides 0 (repeatable); any other fails the check")
    List<Integer> allowExit = new ArrayList<>();

    @Option(names = "--native", description = "run PROG under plain gdb (no valgrind): mallinfo2 and /proc memory"
            + " at each --break hit instead of a leak check")
    boolean nativeMode;

    @Option(names = "--on-error", description = "stop at each new Memcheck error (at most 10): the error, the"
            + " backtrace and the locals of your own frames go into the summary and the reports")
    boolean onError;

    @Option(names = "--find-lost", description = "run PROG a second time to find where each definitely lost block"
            + " was lost: the line where the last pointer to it disappeared (slower: it follows the blocks)")
    boolean findLost;

    @Option(names = "--find-lost-limit", paramLabel = "N", defaultValue = "5",
            description = "follow at most N loss records, largest first (default 5; implies --find-lost)")
    int findLostLimit;

    @Option(names = "--contents", paramLabel = "N", defaultValue = "0",
            description = "at each --break hit, list the blocks of every definitely and possibly lost record with"
                    + " their first N bytes (1 to 4096; default 0, off); at exit the process is gone, so there is"
                    + " nothing to read")
    int contents;

    @Option(names = "--trace-children", description = "follow PROG into the programs its children exec"
            + " (valgrind --trace-children=yes): each is stopped at the --break locations too; every child process is"
            + " checked like PROG and reported apart")
    boolean traceChildren;

    @Option(names = "--stdin", paramLabel = "FILE", description = "the program's standard input (default: ours, as"
            + " it comes, unless it is a terminal)")
    Path stdin;

    @Parameters(paramLabel = "PROG", arity = "1..*", description = "the program and its arguments (after --)")
    List<String> command;

    @Mixin
    HarnessOptions harness = new HarnessOptions();

    @Mixin
    ReportOptions reports = new ReportOptions();

    @Mixin
    LeakFilterOptions leaks = new LeakFilterOptions();

    @Mixin
    SourceRootOptions.Here sources = new SourceRootOptions.Here();

    @Override
    public Integer call() {
        if (contents < 0 || contents > BlockContents.MAX_BYTES) {
            throw new ExitCodes.UsageException("--contents: " + contents + " is not 0 to " + BlockContents.MAX_BYTES);
        }
        if (contents > 0 && nativeMode) {
            throw new ExitCodes.UsageException("--contents needs Memcheck's block_list: not with --native");
        }
        List<Expectation> expectations = expectations();
        if (stdin != null && !java.nio.file.Files.isRegularFile(stdin)) {
            throw new ExitCodes.UsageException("--stdin " + stdin + ": no such file");
        }
        Optional<StdinRelay> relay = stdin != null ? Optional.empty()
                : findLostAsked() ? StdinRelay.kept(root.console().in()) : StdinRelay.start(root.console().in());
        try {
            return check(expectations,
                    stdin != null ? Optional.of(stdin.toAbsolutePath()) : relay.map(StdinRelay::fifo));
        } finally {
            relay.ifPresent(StdinRelay::close);
        }
    }

    private int check(List<Expectation> expectations, Optional<Path> input) {
        Plan plan = plan(expectations, input);
        Output output = Output.of(root.console(), spec.commandLine(), harness.plain);
        PlanExecution execution = new PlanExecution(reports, leaks, sources.roots(), output);
        RunResult result = execution.run(plan, harness.apply(RunOptions.defaults(), root.console(), output.err()));
        execution.report(result, !harness.quiet, () -> printTables(result.cases().get(0), output.out()));
        return ExitCodes.of(result);
    }

    /**
     * What fails the check, as the case's {@code expect:}: no leak blocks of the {@code --fail-on} kinds and no
     * Memcheck errors at exit (under Memcheck only), an allowed exit status, no signal.
     */
    private List<Expectation> expectations() {
        Set<String> words = failOnWords();
        List<Expectation> expected = new ArrayList<>();
        List<Integer> allowed = new ArrayList<>(allowExit);
        allowed.add(0);
        expected.add(new ExitCodeExpectation(allowed));
        expected.add(new SignalExpectation(Optional.empty()));
        if (nativeMode) {
            return expected;
        }
        for (LeakKind kind : LeakKind.values()) {
            if (words.contains(kind.suppressionKind())) {
                expected.add(new MetricExpectation(Metric.byKey(kind.key() + "_blocks").orElseThrow(),
                        Comparison.equalTo(0)));
            }
        }
        if (words.contains("errors")) {
            expected.add(new MetricExpectation(Metric.ERRORS, Comparison.equalTo(0)));
        }
        return expected;
    }

    private Set<String> failOnWords() {
        Set<String> words = new LinkedHashSet<>();
        failOn.forEach(f -> words.add(f.word()));
        if (words.contains("none") && words.size() > 1) {
            throw new ExitCodes.UsageException("--fail-on: 'none' cannot be combined with " + String.join(",", words));
        }
        return words;
    }

    private Plan plan(List<Expectation> expectations, Optional<Path> input) {
        LeakCheckAction.Mode leakMode = mode == LeakCheckMode.SUMMARY ? LeakCheckAction.Mode.SUMMARY
                : LeakCheckAction.Mode.FULL;
        LeakCheckAction leak = LeakCheckAction.defaults();
        LeakCheckAction action = new LeakCheckAction(leakMode, leak.kinds(), leak.delta(), OptionalInt.empty(),
                leak.heuristics());
        List<Action> actions = contents == 0 ? List.of(action) : List.of(action, new BlockListAction(
                Set.of(LossKind.DEFINITE, LossKind.POSSIBLE), List.of(), OptionalInt.of(BlockListAction.DEFAULT_LIMIT),
                contents));
        List<BreakpointSpec> breakpoints = new ArrayList<>();
        for (String at : breaks) {
            breakpoints.add(new BreakpointSpec(at, at, Optional.empty(), 0, Integer.MAX_VALUE, actions, List.of()));
        }
        Path cwd = Path.of("").toAbsolutePath();
        List<String> argv = new ArrayList<>(command);
        if (argv.get(0).contains("/")) {
            argv.set(0, cwd.resolve(argv.get(0)).normalize().toString());
        }
        String name = Path.of(command.get(0)).getFileName().toString();
        List<String> valgrindOptions = traceChildren ? List.of("--trace-children=yes") : List.of();
        // Every child process is checked as PROG is (a leak in a forked worker fails the check too), but for its exit
        // status: Valgrind does not write a forked child's, and a worker's own is its parent's business.
        List<Expectation> forChildren = expectations.stream().filter(e -> !(e instanceof ExitCodeExpectation)).toList();
        CaseSpec spec = new CaseSpec(name, argv, cwd, Map.of(), input, Optional.empty(), valgrindOptions,
                List.of(), breakpoints, expectations, CaseMode.MEMCHECK, MallocTuning.NONE, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), forChildren);
        if (nativeMode) {
            spec = spec.withMode(CaseMode.NATIVE);
        } else if (onError) {
            spec = spec.withOnError(ErrorStops.defaults());
        }
        if (findLostAsked()) {
            if (nativeMode) {
                throw new ExitCodes.UsageException("--find-lost needs Memcheck: it cannot be combined with --native");
            }
            if (findLostLimit < 1) {
                throw new ExitCodes.UsageException("--find-lost-limit: " + findLostLimit + " is not at least 1");
            }
            spec = spec.withFindLost(new FindLost(findLostLimit, FindLost.defaults().kinds()));
        }
        return new Plan(1, name, Path.of(command.get(0)), cwd, Optional.empty(), List.of(spec));
    }

    /** {@code --find-lost}, or a {@code --find-lost-limit} other than the default. */
    private boolean findLostAsked() {
        return findLost || findLostLimit != FindLost.defaults().limit();
    }

    private static void printTables(CaseResult c, PrintWriter out) {
        for (StopResult stop : c.stops()) {
            if (stop.memory() != null && stop.memory().mallinfo() != null) {
                out.println(stop.breakpoint() + " hit " + stop.hit() + ": " + memoryLine(stop.memory()));
            }
            if (stop.leakCheck() != null) {
                printTable(stop.breakpoint() + " hit " + stop.hit(), stop.leakCheck().lossRecords(), out);
            }
            if (!stop.blockLists().isEmpty()) {
                out.println(stop.breakpoint() + " hit " + stop.hit() + ", blocks:");
                out.print(BlockListTable.render(stop.blockLists()));
            }
        }
        if (c.finalResults() != null) {
            printTable("at exit", c.finalResults().lossRecords(), out);
        }
    }

    private static void printTable(String when, List<LossRecordResult> records, PrintWriter out) {
        if (records.isEmpty()) {
            out.println(when + ": no leaks");
        } else {
            out.println(when + ":");
            out.print(LossRecordTable.render(records));
        }
    }

    /** {@code heap in use 10256 B (+3200), mmap 0 B (+0), rss 1444 kB (+4), heap rss 132 kB (+0): small blocks ...} */
    static String memoryLine(MemorySnapshot m) {
        return "heap in use " + m.mallinfo().uordblks() + " B (" + signed(m.mallinfoDelta().uordblks()) + "), mmap "
                + m.mallinfo().hblkhd() + " B (" + signed(m.mallinfoDelta().hblkhd()) + "), rss " + m.proc().rssKb()
                + " kB (" + signed(m.procDelta().rssKb()) + "), heap rss " + m.proc().heapRssKb() + " kB ("
                + signed(m.procDelta().heapRssKb()) + "): " + m.growth();
    }

    private static String signed(long n) {
        return n >= 0 ? "+" + n : Long.toString(n);
    }

}
