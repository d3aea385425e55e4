package dev.vgharness.cli;

import dev.vgharness.memcheck.LeakKind;
import dev.vgharness.plan.BreakpointSpec;
import dev.vgharness.plan.CaseMode;
import dev.vgharness.plan.CaseSpec;
import dev.vgharness.plan.LeakCheckAction;
import dev.vgharness.plan.Plan;
import dev.vgharness.report.LossRecordTable;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.MemorySnapshot;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.StopResult;
import dev.vgharness.run.RunOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vgharness check [--break LOC]... -- PROG ARGS}: one run of a program, a leak check at every hit of every
 * {@code --break} and at exit, the loss records as tables, the same JSON report as {@code run}.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run PROG once under the harness: a leak check at each --break hit and at exit.")
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--break", paramLabel = "LOC", description = "a gdb location to leak-check at, every hit (repeatable)")
    List<String> breaks = new ArrayList<>();

    @Option(names = "--leak-check", paramLabel = "MODE", defaultValue = "full",
            description = "full (default) or summary")
    String mode;

    @Option(names = "--fail-on", paramLabel = "KINDS", split = ",", defaultValue = "definite",
            description = "kinds that make the exit status 1: definite, indirect, possible, reachable (default definite)")
    List<String> failOn;

    @Option(names = "--native", description = "run PROG under plain gdb (no valgrind): mallinfo2 and /proc memory"
            + " at each --break hit instead of a leak check")
    boolean nativeMode;

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

    @Override
    public Integer call() {
        Set<LeakKind> failing = failingKinds();
        if (stdin != null && !java.nio.file.Files.isRegularFile(stdin)) {
            throw new ExitCodes.UsageException("--stdin " + stdin + ": no such file");
        }
        Optional<StdinRelay> relay = stdin == null ? StdinRelay.start(System.in) : Optional.empty();
        try {
            return check(failing, stdin != null ? Optional.of(stdin.toAbsolutePath()) : relay.map(StdinRelay::fifo));
        } finally {
            relay.ifPresent(StdinRelay::close);
        }
    }

    private int check(Set<LeakKind> failing, Optional<Path> input) {
        Plan plan = plan(input);
        PlanExecution execution = new PlanExecution(reports, leaks, reports.roots(plan.folder()));
        RunResult result = execution.run(plan, harness.apply(RunOptions.defaults()));
        execution.report(result, !harness.quiet, () -> printTables(result.cases().get(0)));
        if (result.status() == RunStatus.ERROR) {
            return ExitCodes.INFRASTRUCTURE;
        }
        return foundAny(result.cases().get(0), failing) ? ExitCodes.FAILED : ExitCodes.PASSED;
    }

    private Plan plan(Optional<Path> input) {
        LeakCheckAction.Mode leakMode = switch (mode) {
            case "full" -> LeakCheckAction.Mode.FULL;
            case "summary" -> LeakCheckAction.Mode.SUMMARY;
            default -> throw new ExitCodes.UsageException("--leak-check: '" + mode + "' is not full or summary");
        };
        LeakCheckAction leak = LeakCheckAction.defaults();
        LeakCheckAction action = new LeakCheckAction(leakMode, leak.kinds(), leak.delta(), OptionalInt.empty(),
                leak.heuristics());
        List<BreakpointSpec> breakpoints = new ArrayList<>();
        for (String at : breaks) {
            breakpoints.add(new BreakpointSpec(at, at, Optional.empty(), 0, Integer.MAX_VALUE, List.of(action), List.of()));
        }
        Path cwd = Path.of("").toAbsolutePath();
        List<String> argv = new ArrayList<>(command);
        if (argv.get(0).contains("/")) {
            argv.set(0, cwd.resolve(argv.get(0)).normalize().toString());
        }
        String name = Path.of(command.get(0)).getFileName().toString();
        CaseSpec spec = new CaseSpec(name, argv, cwd, Map.of(), input, Optional.empty(), List.of(),
                List.of(), breakpoints, List.of());
        if (nativeMode) {
            spec = spec.withMode(CaseMode.NATIVE);
        }
        return new Plan(1, name, Path.of(command.get(0)), cwd, Optional.empty(), List.of(spec));
    }

    private Set<LeakKind> failingKinds() {
        Set<LeakKind> kinds = EnumSet.noneOf(LeakKind.class);
        for (String word : failOn) {
            kinds.add(java.util.Arrays.stream(LeakKind.values())
                    .filter(k -> k.suppressionKind().equals(word.strip().toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new ExitCodes.UsageException("--fail-on: '" + word
                            + "' is not one of definite, indirect, possible, reachable")));
        }
        return kinds;
    }

    private static void printTables(CaseResult c) {
        for (StopResult stop : c.stops()) {
            if (stop.memory() != null && stop.memory().mallinfo() != null) {
                System.out.println(stop.breakpoint() + " hit " + stop.hit() + ": " + memoryLine(stop.memory()));
            }
            if (stop.leakCheck() != null) {
                System.out.println(stop.breakpoint() + " hit " + stop.hit() + ":");
                System.out.print(LossRecordTable.render(stop.leakCheck().lossRecords()));
            }
        }
        if (c.finalResults() != null) {
            System.out.println("at exit:");
            System.out.print(LossRecordTable.render(c.finalResults().lossRecords()));
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

    private static boolean foundAny(CaseResult c, Set<LeakKind> kinds) {
        if (c.finalResults() == null) {
            return false;
        }
        for (LossRecordResult r : c.finalResults().lossRecords()) {
            if (!r.baseline() && kinds.contains(r.record().kind()) && r.record().blocks() > 0) {
                return true;
            }
        }
        return false;
    }
}
