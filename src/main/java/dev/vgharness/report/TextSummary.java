package dev.vgharness.report;

import dev.vgharness.memcheck.LeakSummary;
import dev.vgharness.memcheck.LeakTotals;
import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.result.Assertion;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.ChildProcess;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.StopFrame;
import dev.vgharness.result.StopReason;
import dev.vgharness.result.StopResult;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The human summary of a run: one line per case, per stop the leak summary by kind with deltas and the failed
 * expectations, and every Memcheck error of the run (kind, count, the first frame in the program's own code,
 * valgrind's message).
 * <pre>
 * FAIL   errs (1.9 s, 0 stops, exited 0)
 *        exit: definite 0 B in 0 | indirect 0 B in 0 | ... | errors 4
 *        error InvalidRead (2 times) at bad_read errs.c:10: Invalid read of size 4
 *        error InvalidWrite at bad_write errs.c:17: Invalid write of size 1
 *          FAILED errors: expected == 0, was 4
 * </pre>
 */
public final class TextSummary {

    private static final int STDERR_LINES = 10;
    /** Blocks whose contents a stop shows at most; the reports have them all. */
    private static final int BLOCK_PREVIEWS = 10;

    private TextSummary() {
    }

    public static void print(RunResult run, SourceRoots roots, PrintStream out) {
        print(run, roots, out, java.util.Set.of());
    }

    /**
     * The summary, with each case in {@code shownLive} (its whole block was printed as it ended, {@code [2/5] ...})
     * as its first line only: a CI log then holds each case's details once.
     */
    public static void print(RunResult run, SourceRoots roots, PrintStream out, java.util.Set<String> shownLive) {
        if (run.build() != null) {
            out.println("ERROR  build failed (exit " + run.build().exitCode() + "): " + run.build().command());
            run.build().output().lines().forEach(line -> out.println("       " + line));
        }
        for (CaseResult c : run.cases()) {
            if (shownLive.contains(c.name())) {
                out.println(firstLine(c));
                continue;
            }
            printCase(c, roots, out, null);
            printChildren(c, roots, out);
        }
        long passed = run.cases().stream().filter(c -> c.status() == RunStatus.PASSED).count();
        out.printf(Locale.ROOT, "%s: %d passed, %d failed, %d errors (%s)%n", run.plan().name(), passed,
                count(run, RunStatus.FAILED), count(run, RunStatus.ERROR), seconds(run.durationMs()));
    }

    private static long count(RunResult run, RunStatus status) {
        return run.cases().stream().filter(c -> c.status() == status).count();
    }

    /**
     * One case's block as {@link #print} shows it, with the loss records or errors behind each {@code FAILED} line
     * under it: what a live run prints as each case ends.
     */
    public static String caseBlock(CaseResult c, SourceRoots roots) {
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        PrintStream out = new PrintStream(text, true, java.nio.charset.StandardCharsets.UTF_8);
        printCase(c, roots, out, new FailedLineEvidence(roots));
        printChildren(c, roots, out);
        out.flush();
        return text.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code FAIL   growth (2.9 s, 3 stops, exited 0)}. */
    private static String firstLine(CaseResult c) {
        return String.format(Locale.ROOT, "%-6s %s (%s, %d stop%s, %s)", mark(c.status()), c.name(),
                seconds(c.durationMs()), c.stops().size(), c.stops().size() == 1 ? "" : "s", exit(c));
    }

    /** {@code evidence} null: the FAILED lines alone. */
    private static void printCase(CaseResult c, SourceRoots roots, PrintStream out, FailedLineEvidence evidence) {
        out.println(firstLine(c));
        if (c.error() != null) {
            out.println("       error: " + c.error());
        }
        c.warnings().forEach(w -> out.println("       warning: " + w));
        for (StopResult stop : c.stops()) {
            if (stop.reason() == StopReason.ERROR) {
                out.println("       " + stop.label() + " " + ErrorStopText.line(stop));
            } else {
                out.println("       " + stop.label() + " " + where(stop.frame()) + " thread "
                        + stop.thread() + (stop.leakCheck() == null ? "" : ": " + leaks(stop.leakCheck().summary())));
            }
            failed(stop.assertions(), out, evidence, stop.leakCheck() == null ? java.util.List.of()
                    : stop.leakCheck().lossRecords(), java.util.List.of());
            stopDetails(stop, out);
        }
        if (c.finalResults() != null && c.finalResults().summary() != null) {
            out.println("       exit: " + leaks(c.finalResults().summary()) + " | errors "
                    + c.finalResults().errorCount());
        }
        if (c.finalResults() != null && c.finalResults().note() != null) {
            out.println("       note: " + c.finalResults().note());
        }
        if (c.finalResults() != null) {
            c.finalResults().errors().forEach(e -> out.println("       " + error(e, roots)));
            LostAtText.lines(c.finalResults().lossRecords()).forEach(line -> out.println("       " + line));
        }
        failed(c.assertions(), out, evidence, c.finalResults() == null ? java.util.List.of()
                : c.finalResults().lossRecords(), c.finalResults() == null ? java.util.List.of()
                : c.finalResults().errors());
        c.notes().forEach(note -> out.println("       note: " + note));
        if (c.status() != RunStatus.PASSED || c.exit() != null && c.exit().signal() != null) {
            stderrTail(c.stderr(), out);
        }
    }

    /**
     * A child process under its case: {@code child 4242 of 4240 (./worker 2): PASS, exited 5, 1 stop}, then its stops,
     * exit-time summary, errors and failed expectations as for a case.
     */
    private static void printChildren(CaseResult c, SourceRoots roots, PrintStream out) {
        for (ChildProcess child : c.children()) {
            printChild(c, child, roots, out);
        }
    }

    private static void printChild(CaseResult c, ChildProcess child, SourceRoots roots, PrintStream out) {
        out.printf(Locale.ROOT, "       child %d of %d%s: %s, %s, %d stop%s%n", child.pid(), child.ppid(),
                child.command().isEmpty() ? "" : " (" + String.join(" ", child.command()) + ")", mark(child.status()),
                exitOfChild(child.exit()), child.stops().size(), child.stops().size() == 1 ? "" : "s");
        if (child.error() != null) {
            out.println("         error: " + child.error());
        }
        for (StopResult stop : child.stops()) {
            out.println("         " + stop.label() + " " + where(stop.frame())
                    + (stop.leakCheck() == null ? "" : ": " + leaks(stop.leakCheck().summary())));
            failed(stop.assertions(), out, null, java.util.List.of(), java.util.List.of());
        }
        if (child.finalResults() != null && child.finalResults().summary() != null) {
            out.println("         exit: " + leaks(child.finalResults().summary()) + " | errors "
                    + child.finalResults().errorCount());
            child.finalResults().errors().forEach(e -> out.println("         " + error(e, roots)));
        }
        failed(child.assertions(), out, null, java.util.List.of(), java.util.List.of());
    }

    /** A forked child's exit code is not known: {@code exited}. */
    private static String exitOfChild(CaseExit exit) {
        return exit != null && exit.status() == CaseExit.Status.EXITED && exit.code() == null ? "exited" : exit(exit);
    }

    /** {@code error InvalidRead (2 times) at bad_read errs.c:10: Invalid read of size 4}. */
    static String error(MemcheckError e, SourceRoots roots) {
        String where = roots.bestFrame(e.stack()).map(f -> " at " + f.function()
                + (f.file() == null ? "" : " " + f.file() + ":" + f.line())).orElse("");
        return "error " + e.kind() + (e.count() > 1 ? " (" + e.count() + " times)" : "") + where + ": " + e.what();
    }

    /** The last lines the target wrote to stderr: why a failed or crashed program failed, in its own words. */
    private static void stderrTail(String stderr, PrintStream out) {
        if (stderr == null || stderr.isBlank()) {
            return;
        }
        java.util.List<String> lines = stderr.strip().lines().toList();
        java.util.List<String> tail = lines.subList(Math.max(0, lines.size() - STDERR_LINES), lines.size());
        out.println("       stderr of the target" + (lines.size() > tail.size() ? " (last " + tail.size() + " lines)" : "")
                + ":");
        tail.forEach(line -> out.println("       | " + line));
    }

    /** Failed actions, what the limits left out, what the harness did on its own. */
    private static void stopDetails(StopResult stop, PrintStream out) {
        stop.failures().forEach(f -> out.println("         " + (f.allowed() ? "allowed: " : "ERROR ") + f.describe()));
        stop.leftOut().forEach(l -> out.println("         left out: " + l.describe()));
        stop.notes().forEach(n -> out.println("         note: " + n));
        BlockListTable.previews(stop.blockLists(), BLOCK_PREVIEWS).forEach(l -> out.println("         " + l));
    }

    private static void failed(java.util.List<Assertion> assertions, PrintStream out, FailedLineEvidence evidence,
            java.util.List<dev.vgharness.result.LossRecordResult> records, java.util.List<MemcheckError> errors) {
        for (Assertion a : assertions) {
            if (!a.passed()) {
                out.println("         FAILED " + a.message());
                if (evidence != null) {
                    evidence.lines(a, records, errors).forEach(out::println);
                }
            }
        }
    }

    static String mark(RunStatus status) {
        return switch (status) {
            case PASSED -> "PASS";
            case FAILED -> "FAIL";
            case ERROR -> "ERROR";
        };
    }

    /**
     * How the target ended: {@code exited 0}, {@code killed by SIGSEGV}, {@code timeout}, {@code detached}; a case
     * whose end was not seen is {@code ended early} when it ran (it stopped or was sampled), else {@code not started}.
     */
    static String exit(CaseResult c) {
        CaseExit exit = c.exit();
        if (exit == null) {
            boolean ran = !c.stops().isEmpty() || c.samples() != null && !c.samples().samples().isEmpty();
            return ran ? "ended early" : "not started";
        }
        return exit(exit);
    }

    /** {@code exited 0}, {@code killed by SIGSEGV}, {@code timeout}, {@code detached}. */
    static String exit(CaseExit exit) {
        if (exit == null) {
            return "not started";
        }
        return switch (exit.status()) {
            case EXITED -> "exited " + exit.code();
            case SIGNALED -> "killed by " + exit.signal();
            default -> exit.status().toString();
        };
    }

    static String where(StopFrame frame) {
        if (frame == null) {
            return "?";
        }
        return frame.function() + (frame.file() == null ? "" : " " + frame.file() + ":" + frame.line());
    }

    /** {@code definite 48 B in 3 (+16 B, +1) | indirect ...}. */
    public static String leaks(LeakSummary summary) {
        return totals("definite", summary.definitelyLost()) + " | " + totals("indirect", summary.indirectlyLost())
                + " | " + totals("possible", summary.possiblyLost()) + " | "
                + totals("reachable", summary.stillReachable()) + " | " + totals("suppressed", summary.suppressed());
    }

    private static String totals(String kind, LeakTotals t) {
        String text = kind + " " + t.bytes() + " B in " + t.blocks();
        if (t.bytesDelta() != null && (t.bytesDelta() != 0 || t.blocksDelta() != 0)) {
            text += " (" + signed(t.bytesDelta()) + " B, " + signed(t.blocksDelta()) + ")";
        }
        return text;
    }

    static String signed(Long n) {
        return n == null ? "?" : n >= 0 ? "+" + n : Long.toString(n);
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
