package dev.vgharness.cli;

import dev.vgharness.plan.MetricExpectation;
import dev.vgharness.plan.RateExpectationText;
import dev.vgharness.report.WatchHtml;
import dev.vgharness.report.WatchJunit;
import dev.vgharness.report.WatchReport;
import dev.vgharness.result.WatchResult;
import dev.vgharness.result.WatchSample;
import dev.vgharness.run.WatchRequest;
import dev.vgharness.run.WatchRunner;
import dev.vgharness.vgdb.LiveProcess;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vgharness watch --pid N} or {@code vgharness watch -- PROG ARGS}: the memory trend of a running process
 * without restarting it (docs/memory-trend.md). Ctrl-C and SIGTERM end the watch as {@code --for} does: the process
 * is detached and left running, the reports are written.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, description = "Watch the memory of a running process"
        + " (--pid) or of PROG: mallinfo2 and /proc every --every, growth rates, a verdict; the process is left"
        + " running.")
final class WatchCommand implements Callable<Integer> {

    /** How long Ctrl-C waits for the watch to detach and write its reports. */
    private static final Duration REPORT_GRACE = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Option(names = "--pid", paramLabel = "N", converter = Converters.Pid.class,
            description = "the running process to watch")
    Long pid;

    @Option(names = "--every", paramLabel = "DURATION", defaultValue = "1s", converter = Converters.PositiveDuration.class,
            description = "between samples (default ${DEFAULT-VALUE})")
    Duration every;

    @Option(names = "--for", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            description = "how long to watch (default: until Ctrl-C)")
    Duration span;

    @Option(names = "--break", paramLabel = "LOC", description = "also measure at every hit of this gdb location")
    List<String> breaks = new ArrayList<>();

    @Option(names = "--expect", paramLabel = "METRIC=COMPARISON",
            description = "a rate to check, e.g. heap_in_use_bytes_per_s<1000 (exit 1 when one fails)")
    List<String> expects = new ArrayList<>();

    @Option(names = "--no-ptrace", description = "read /proc only, never attach (no mallinfo2, no --break)")
    boolean noPtrace;

    @Option(names = "--trim-probe", description = "at the end, call malloc_trim(0) in the process and report what"
            + " it gives back (this changes the process)")
    boolean trimProbe;

    @Option(names = "--json", paramLabel = "FILE", description = "the JSON report")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "an HTML report with every series charted")
    Path html;

    @Option(names = "--junit", paramLabel = "FILE", description = "JUnit XML: one test per --expect")
    Path junit;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "report.json, report.html, junit.xml into DIR")
    Path reportDir;

    @Mixin
    GdbOptions tools = new GdbOptions();

    @Option(names = {"-q", "--quiet"}, description = "no line per sample")
    boolean quiet;

    @Parameters(paramLabel = "PROG", arity = "0..*", description = "a program to start and watch (after --)")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        WatchRunner runner = new WatchRunner(request(), Clock.systemUTC(), VgharnessCommand.Version.number());
        CountDownLatch reported = new CountDownLatch(1);
        Thread stop = new Thread(() -> {
            runner.requestStop();
            try {
                reported.await(REPORT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vgharness-watch-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            WatchResult result = runner.run();
            report(result);
            return switch (result.status()) {
                case PASSED -> ExitCodes.PASSED;
                case FAILED -> ExitCodes.FAILED;
                case ERROR -> ExitCodes.INFRASTRUCTURE;
            };
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and has just been let go.
            }
        }
    }

    private WatchRequest request() {
        WatchRequest.Target target = target();
        List<MetricExpectation> expectations = new ArrayList<>();
        for (String text : expects) {
            try {
                expectations.add(RateExpectationText.parse(text));
            } catch (IllegalArgumentException e) {
                throw new ExitCodes.UsageException("--expect: " + e.getMessage());
            }
        }
        if (noPtrace && (!breaks.isEmpty() || trimProbe || target instanceof WatchRequest.Program)) {
            throw new ExitCodes.UsageException("--no-ptrace reads /proc of a running process (--pid) only; --break,"
                    + " --trim-probe and -- PROG need gdb");
        }
        PrintWriter err = spec.commandLine().getErr();
        return WatchRequest.of(target, every, Optional.ofNullable(span)).withBreaks(breaks).withExpectations(expectations)
                .withNoPtrace(noPtrace).withTrimProbe(trimProbe)
                .withGdb(tools.gdb, tools.commandTimeout, tools.verbose ? line -> err.println(line) : line -> { })
                .withListeners(line -> err.println(line), quiet ? sample -> { } : sample -> err.println(line(sample)));
    }

    private WatchRequest.Target target() {
        if ((pid == null) == command.isEmpty()) {
            throw new ExitCodes.UsageException("give --pid N, or -- PROG ARGS to start a program (not both)");
        }
        if (pid == null) {
            return new WatchRequest.Program(command, Path.of("").toAbsolutePath());
        }
        if (!LiveProcess.exists(pid)) {
            throw new ExitCodes.UsageException("--pid " + pid + ": no such process");
        }
        if (pid == ProcessHandle.current().pid()) {
            throw new ExitCodes.UsageException("--pid " + pid + ": that is vgharness itself");
        }
        return new WatchRequest.Pid(pid);
    }

    /** {@code vgharness: 2.0s rss 1,444 kB (shared 1,084 kB), heap rss 132 kB, mmap rss 0 kB, heap in use ...}. */
    private static String line(WatchSample s) {
        StringBuilder line = new StringBuilder(String.format(Locale.US, "vgharness: %.1fs", s.atMs() / 1000.0));
        if (s.breakpoint() != null) {
            line.append(" at ").append(s.breakpoint());
        }
        line.append(String.format(Locale.US, " rss %,d kB (shared %,d kB), heap rss %,d kB, mmap rss %,d kB",
                s.proc().rssKb(), s.proc().sharedKb(), s.proc().heapRssKb(), s.proc().mmapRssKb()));
        if (s.mallinfo() != null) {
            line.append(String.format(Locale.US, ", heap in use %,d B, mmap in use %,d B", s.mallinfo().uordblks(),
                    s.mallinfo().hblkhd()));
        }
        return line.toString();
    }

    private void report(WatchResult result) {
        List<Path> written = new ArrayList<>();
        PrintWriter err = spec.commandLine().getErr();
        write(pick(json, "report.json"), file -> WatchReport.writeJson(result, file), written, err);
        write(pick(html, "report.html"), file -> WatchHtml.write(result, file), written, err);
        write(pick(junit, "junit.xml"), file -> WatchJunit.write(result, file), written, err);
        PrintWriter out = spec.commandLine().getOut();
        java.io.ByteArrayOutputStream summary = new java.io.ByteArrayOutputStream();
        WatchReport.printSummary(result, new java.io.PrintStream(summary, true, java.nio.charset.StandardCharsets.UTF_8));
        out.print(summary.toString(java.nio.charset.StandardCharsets.UTF_8));
        written.forEach(p -> out.println("report: " + p));
        out.flush();
    }

    /** A report writer for one file. */
    private interface Writer {
        void write(Path file) throws java.io.IOException;
    }

    private Path pick(Path explicit, String nameInDir) {
        return explicit != null ? explicit : reportDir != null ? reportDir.resolve(nameInDir) : null;
    }

    private static void write(Path file, Writer writer, List<Path> written, PrintWriter err) {
        if (file == null) {
            return;
        }
        try {
            writer.write(file);
            written.add(file);
        } catch (java.io.IOException | RuntimeException e) {
            err.println("vgharness: cannot write " + file + ": " + e.getMessage());
        }
    }
}
