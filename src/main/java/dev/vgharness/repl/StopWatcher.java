package dev.vgharness.repl;

import dev.vgharness.run.KnownLeaks;
import dev.vgharness.memcheck.ValgrindXmlException;
import dev.vgharness.memcheck.ValgrindXmlParser;
import dev.vgharness.report.TextSummary;
import dev.vgharness.result.CaseExit;
import dev.vgharness.result.FinalResults;
import dev.vgharness.run.UnresolvedLocation;
import dev.vgharness.vgdb.Executables;
import dev.vgharness.vgdb.GdbCommands;
import dev.vgharness.vgdb.GdbFrame;
import dev.vgharness.vgdb.LoadedCode;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.StopEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Waits for the running target's next stop, and records and prints it as one line:
 * <pre>
 * stopped at breakpoint 1: handle_request (leaky.c:38)
 * interrupted: main (busy.c:12)
 * exited 0: definite 96 B in 3 | indirect 64 B in 2 | possible 64 B in 1 | reachable 41 B in 3 | suppressed 0 B in 0
 * </pre>
 * The wait has the command deadline; when it passes the target is interrupted and the command fails.
 */
final class StopWatcher {

    private static final Duration VALGRIND_EXIT = Duration.ofSeconds(20);

    private final ReplSession session;

    StopWatcher(ReplSession session) {
        this.session = session;
    }

    /** {@code -exec-continue}, then the wait. */
    void continueAndWait() throws ReplException, MiSessionException {
        MiSession gdb = session.stoppedGdb();
        GdbCommands.continueRunning(gdb);
        running();
        awaitStop(gdb);
    }

    /** Marks the target running (a gdb command such as {@code next} made it run). */
    void running() {
        session.state(new TargetState.Running());
        session.log().running();
    }

    void awaitStop(MiSession gdb) throws ReplException, MiSessionException {
        Duration limit = session.options().commandTimeout();
        StopEvent stop;
        try {
            stop = gdb.awaitStop(limit);
        } catch (MiSessionException.Timeout e) {
            GdbCommands.interrupt(gdb);
            stopped(gdb.awaitStop(limit), gdb);
            throw new ReplException("the target was still running after " + limit.toSeconds()
                    + " s: interrupted (raise --timeout to wait longer)");
        }
        stopped(stop, gdb);
    }

    /** Records a stop and prints its line. */
    void stopped(StopEvent stop, MiSession gdb) throws ReplException {
        if (stop.isExit()) {
            exited(stop);
            neverSet(gdb.loadedCode());
            return;
        }
        session.takeSet(gdb.loadedCode()).keySet().forEach(number -> gdb.loadedCode().resolution(number)
                .ifPresent(bp -> session.out().println("breakpoint " + number + " set: " + where(bp.locations().get(0)))));
        Optional<GdbFrame> frame = stop.frame().isPresent() ? stop.frame() : currentFrame(gdb);
        String label = label(stop);
        session.state(TargetState.Stopped.at(frame));
        session.log().stopped(label, stop.threadId(), frame.map(SessionLog::frame).orElse(null));
        String verb = label.equals("interrupt") ? "interrupted" : "stopped at " + label;
        session.out().println(verb + ": " + frame.map(StopWatcher::where).orElse("?"));
    }

    private static String label(StopEvent stop) {
        if (stop.isBreakpointHit()) {
            return "breakpoint " + stop.breakpoint();
        }
        if (stop.signal().isPresent()) {
            // Under vgdb, -exec-interrupt stops the target with SIGTRAP.
            return stop.signal().get().equals("SIGTRAP") ? "interrupt" : "signal " + stop.signal().get();
        }
        return stop.reason().isEmpty() ? "start" : stop.reason();
    }

    private void exited(StopEvent stop) throws ReplException {
        TargetState.Exited exited = TargetState.Exited.of(stop);
        session.state(exited);
        CaseExit info = stop.reason().equals("exited-signalled") ? CaseExit.signaled(stop.signal().orElse("?"))
                : CaseExit.exited(stop.exitCode().orElse(0));
        FinalReport report = finalResults(session.target());
        session.log().exited(info, report.results().orElse(null));
        session.out().println("exited " + exited.how() + report.results().filter(r -> r.summary() != null)
                .map(r -> ": " + TextSummary.leaks(r.summary())).orElse(""));
        if (report.unreadable().isPresent()) {
            throw new ReplException("cannot read valgrind's XML report: " + report.unreadable().get());
        }
    }

    /** The exit-time results, or why valgrind's file could not be read (never zeros instead). */
    private record FinalReport(Optional<FinalResults> results, Optional<String> unreadable) {
    }

    /** Each {@code :break} gdb never set, as one failure: like a case error of {@code run}. */
    private void neverSet(LoadedCode code) throws ReplException {
        Target target = session.target();
        Optional<Path> executable = Executables.find(target.argv().get(0), System.getenv("PATH"),
                session.options().cwd());
        session.takeSet(code);
        session.pending().forEach((number, location) -> session.failed("breakpoint " + number + " at '" + location
                + "' was never set: " + UnresolvedLocation.explain(location, code.pendingBecause(number),
                code.libraries(), executable, session.options().cwd())));
    }

    /** Valgrind's exit-time leak report from its XML file, with deltas since the last leak check. */
    private static FinalReport finalResults(Target target) {
        target.waitForValgrind(VALGRIND_EXIT);
        if (!Files.exists(target.xmlReport())) {
            return new FinalReport(Optional.empty(), Optional.empty());
        }
        try {
            FinalResults results = target.leakChecks().finalResults(ValgrindXmlParser.parse(target.xmlReport()), KnownLeaks.NONE);
            return new FinalReport(Optional.of(results), Optional.empty());
        } catch (IOException | ValgrindXmlException e) {
            return new FinalReport(Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    private static Optional<GdbFrame> currentFrame(MiSession gdb) {
        try {
            List<GdbFrame> stack = GdbCommands.stack(gdb);
            return stack.isEmpty() ? Optional.empty() : Optional.of(stack.get(0));
        } catch (MiSessionException e) {
            return Optional.empty();
        }
    }

    static String where(GdbFrame f) {
        return f.function() + (f.file().isPresent() && f.line().isPresent()
                ? " (" + f.file().get() + ":" + f.line().get() + ")" : "");
    }
}
