package dev.vgharness.run;

import dev.vgharness.memcheck.BlockList;
import dev.vgharness.memcheck.ErrorCountParser;
import dev.vgharness.memcheck.ErrorCounts;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.MonitorComplaints;
import dev.vgharness.memcheck.MonitorError;
import dev.vgharness.memcheck.PointerSearch;
import dev.vgharness.plan.Action;
import dev.vgharness.plan.BlockListAction;
import dev.vgharness.plan.GdbAction;
import dev.vgharness.plan.LeakCheckAction;
import dev.vgharness.plan.MallocTrimAction;
import dev.vgharness.plan.MonitorAction;
import dev.vgharness.plan.WhoPointsAtAction;
import dev.vgharness.result.CommandOutput;
import dev.vgharness.result.LeftOut;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.StopLeakCheck;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a breakpoint's actions at one stop, in order, and keeps what they found. {@code block_list} and
 * {@code who_points_at} refer to the leak search that ran last in this stop (one is run first if none did), since
 * loss-record numbers are only valid until the next search. A monitor answer that is a complaint
 * ({@code command 'leak_chek full' not recognised}) fails its action. Before its own monitor commands the runner
 * checks that valgrind's answers reach gdb at all: a program can send them to the log ({@code v.set log_output}).
 */
final class ActionRunner {

    /** Always prints a line, unless valgrind's output goes to its log. */
    private static final String PROBE = "v.info n_errs_found";

    private final MiSession gdb;
    private final Duration timeout;
    private final LeakCheckSeries series;
    private final KnownLeaks known;
    private final List<CommandOutput> transcript = new ArrayList<>();
    private final List<CommandOutput> monitor = new ArrayList<>();
    private final List<CommandOutput> gdbOutput = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final BlockActions blocks;
    private final boolean keepTranscript;
    /**
     * The answer of the stop's latest probe while no program code can have run since (no {@code gdb:} or
     * {@code monitor:} action after it): valgrind's output reaches gdb, and the error count it gives still holds,
     * since monitor commands run no program code. Null: probe again before the next command.
     */
    private String probed;
    private StopLeakCheck leakCheck;

    /** @param keepTranscript whether every monitor command and its raw answer is kept ({@code --transcript}) */
    ActionRunner(MiSession gdb, Duration timeout, LeakCheckSeries series, KnownLeaks known, boolean keepTranscript) {
        this.gdb = gdb;
        this.timeout = timeout;
        this.series = series;
        this.known = known;
        this.keepTranscript = keepTranscript;
        this.blocks = new BlockActions(this::monitor, bytes -> BlockContentsReader.of(gdb, timeout, bytes));
    }

    /**
     * Runs one action. A complaint of valgrind is a {@link StopFailure}; gdb's {@code ^error} to a {@code gdb:}
     * action a {@link MiSessionException.CommandFailed}; both leave the session usable.
     */
    void run(Action action) throws MiSessionException, StopFailure {
        action.accept(new Action.Visitor<MiSessionException, StopFailure>() {
            @Override
            public void leakCheck(LeakCheckAction leak) throws MiSessionException, StopFailure {
                ActionRunner.this.leakCheck(leak);
            }

            @Override
            public void blockList(BlockListAction list) throws MiSessionException, StopFailure {
                ensureSearched();
                blocks.blockLists(list, searched());
            }

            @Override
            public void whoPointsAt(WhoPointsAtAction who) throws MiSessionException, StopFailure {
                if (who.address().isEmpty()) {
                    ensureSearched();
                }
                blocks.whoPointsAt(who, searched());
            }

            @Override
            public void monitor(MonitorAction m) throws MiSessionException, StopFailure {
                userMonitor(m.command());
            }

            @Override
            public void mallocTrim(MallocTrimAction trim) throws StopFailure {
                // Plan validation keeps it to native mode: under valgrind, malloc is valgrind's own.
                throw new StopFailure("action 'malloc_trim' needs mode: native");
            }

            @Override
            public void gdb(GdbAction g) throws MiSessionException {
                // The command may change anything, valgrind's output sink included (a call into the program).
                probed = null;
                gdbOutput.add(new CommandOutput(g.command(), gdb.console(g.command(), timeout)));
            }
        });
    }

    private void userMonitor(String command) throws MiSessionException, StopFailure {
        ensureOutputReachesGdb();
        String text = send(command);
        probed = null;
        monitor.add(new CommandOutput(command, text));
        List<MonitorError> complaints = MonitorComplaints.find(text);
        if (!complaints.isEmpty()) {
            throw new StopFailure(BlockActions.complaint(complaints, text));
        }
    }

    /**
     * Memcheck errors so far, never counting leak records ({@code n_errs_found}, not {@code n_errs_shown}): the
     * probe's answer when nothing ran since it, else a new probe. One round trip less per stop.
     */
    Long errorsFound() throws MiSessionException, StopFailure {
        ensureOutputReachesGdb();
        return ErrorCountParser.parse(probed).map(ErrorCounts::found).orElse(null);
    }

    StopLeakCheck leakCheck() {
        return leakCheck;
    }

    /** Every loss record of this stop's leak check, shown or not, for the metrics; empty when none ran. */
    List<LossRecordResult> leakRecords() {
        return leakCheck == null ? List.of() : series.allRecords(known);
    }

    List<BlockList> blockLists() {
        return blocks.blockLists();
    }

    List<PointerSearch> pointerSearches() {
        return blocks.pointerSearches();
    }

    List<LeftOut> leftOut() {
        return blocks.leftOut();
    }

    /** What the runner did besides the plan's actions. */
    List<String> notes() {
        return notes;
    }

    List<CommandOutput> monitorOutputs() {
        return monitor;
    }

    List<CommandOutput> gdbOutputs() {
        return gdbOutput;
    }

    List<CommandOutput> transcript() {
        return transcript;
    }

    private String monitor(String command) throws MiSessionException, StopFailure {
        ensureOutputReachesGdb();
        return send(command);
    }

    /** One monitor command, in the transcript when one is kept. */
    private String send(String command) throws MiSessionException {
        long start = System.nanoTime();
        String text = gdb.monitor(command, timeout);
        if (keepTranscript) {
            transcript.add(new CommandOutput(command, TextCap.cap(text, TextCap.TRANSCRIPT_ENTRY),
                    (System.nanoTime() - start) / 1_000_000));
        }
        return text;
    }

    /**
     * {@code v.info n_errs_found} always prints a line; nothing means the program sent valgrind's output to the log
     * ({@code VALGRIND_MONITOR_COMMAND("v.set log_output")}, as Valgrind's leak_cpp_interior test does). Then
     * {@code v.set mixed_output} gives the answers of monitor commands back to gdb.
     */
    private void ensureOutputReachesGdb() throws MiSessionException, StopFailure {
        if (probed != null) {
            return;
        }
        String answer = send(PROBE);
        if (answer.isBlank()) {
            send("v.set mixed_output");
            answer = send(PROBE);
            if (answer.isBlank()) {
                throw new StopFailure("valgrind's monitor output does not reach gdb, even after 'v.set mixed_output'");
            }
            notes.add("the program had sent valgrind's output to its log ('v.set log_output'): vgharness gave monitor"
                    + " output back to gdb ('v.set mixed_output') before its own commands");
        }
        probed = answer;
    }

    private void leakCheck(LeakCheckAction action) throws MiSessionException, StopFailure {
        ensureOutputReachesGdb();
        StopLeakCheck check;
        try {
            check = series.check(action.monitorCommand(), action, known, this::send);
        } catch (LeakCheckFailure e) {
            throw new StopFailure(e.getMessage());
        }
        blocks.searchedAgain();
        leakCheck = keepTranscript ? check
                : new StopLeakCheck(check.command(), check.summary(), check.lossRecords(), null);
    }

    /** The records the stop's check showed, with blocks now (their numbers are the latest search's). */
    private List<LossRecord> searched() {
        return leakCheck == null ? List.of() : leakCheck.lossRecords().stream().filter(r -> !r.gone())
                .map(LossRecordResult::record).toList();
    }

    private void ensureSearched() throws MiSessionException, StopFailure {
        if (leakCheck == null) {
            leakCheck(LeakCheckAction.defaults());
        }
    }
}
