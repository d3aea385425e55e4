package dev.vgharness.run;

import dev.vgharness.memcheck.Block;
import dev.vgharness.memcheck.BlockList;
import dev.vgharness.memcheck.BlockListParser;
import dev.vgharness.memcheck.BlockListResult;
import dev.vgharness.memcheck.ErrorCountParser;
import dev.vgharness.memcheck.ErrorCounts;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.MonitorError;
import dev.vgharness.memcheck.PointerSearch;
import dev.vgharness.memcheck.WhoPointsAtParser;
import dev.vgharness.memcheck.WhoPointsAtResult;
import dev.vgharness.plan.Action;
import dev.vgharness.plan.BlockListAction;
import dev.vgharness.plan.GdbAction;
import dev.vgharness.plan.LeakCheckAction;
import dev.vgharness.plan.MallocTrimAction;
import dev.vgharness.plan.LossKind;
import dev.vgharness.plan.MonitorAction;
import dev.vgharness.plan.WhoPointsAtAction;
import dev.vgharness.result.CommandOutput;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.StopLeakCheck;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a breakpoint's actions at one stop, in order, and keeps what they found. {@code block_list} and
 * {@code who_points_at} refer to the leak search that ran last in this stop (one is run first if none did), since
 * loss-record numbers are only valid until the next search.
 */
final class ActionRunner {

    private final MiSession gdb;
    private final Duration timeout;
    private final LeakCheckSeries series;
    private final KnownLeaks known;
    private final List<CommandOutput> transcript = new ArrayList<>();
    private final List<CommandOutput> monitor = new ArrayList<>();
    private final List<CommandOutput> gdbOutput = new ArrayList<>();
    private final Map<Integer, BlockList> blockLists = new LinkedHashMap<>();
    private final List<PointerSearch> pointerSearches = new ArrayList<>();
    private StopLeakCheck leakCheck;

    ActionRunner(MiSession gdb, Duration timeout, LeakCheckSeries series, KnownLeaks known) {
        this.gdb = gdb;
        this.timeout = timeout;
        this.series = series;
        this.known = known;
    }

    void run(Action action) throws MiSessionException, StopFailure {
        action.accept(new Action.Visitor<MiSessionException, StopFailure>() {
            @Override
            public void leakCheck(LeakCheckAction leak) throws MiSessionException, StopFailure {
                ActionRunner.this.leakCheck(leak);
            }

            @Override
            public void blockList(BlockListAction list) throws MiSessionException, StopFailure {
                blockLists(list);
            }

            @Override
            public void whoPointsAt(WhoPointsAtAction who) throws MiSessionException, StopFailure {
                ActionRunner.this.whoPointsAt(who);
            }

            @Override
            public void monitor(MonitorAction m) throws MiSessionException, StopFailure {
                monitor.add(new CommandOutput(m.command(), ActionRunner.this.monitor(m.command())));
            }

            @Override
            public void mallocTrim(MallocTrimAction trim) throws StopFailure {
                // Plan validation keeps it to native mode: under valgrind, malloc is valgrind's own.
                throw new StopFailure("action 'malloc_trim' needs mode: native");
            }

            @Override
            public void gdb(GdbAction g) throws MiSessionException {
                gdbOutput.add(new CommandOutput(g.command(), gdb.console(g.command(), timeout)));
            }
        });
    }

    /** Memcheck errors so far, never counting leak records ({@code n_errs_found}, not {@code n_errs_shown}). */
    Long errorsFound() throws MiSessionException {
        return ErrorCountParser.parse(monitor("v.info n_errs_found")).map(ErrorCounts::found).orElse(null);
    }

    StopLeakCheck leakCheck() {
        return leakCheck;
    }

    /** Every loss record of this stop's leak check, shown or not, for the metrics; empty when none ran. */
    List<LossRecordResult> leakRecords() {
        return leakCheck == null ? List.of() : series.allRecords(known);
    }

    List<BlockList> blockLists() {
        return List.copyOf(blockLists.values());
    }

    List<PointerSearch> pointerSearches() {
        return pointerSearches;
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

    private String monitor(String command) throws MiSessionException {
        long start = System.nanoTime();
        String text = gdb.monitor(command, timeout);
        transcript.add(new CommandOutput(command, text, (System.nanoTime() - start) / 1_000_000));
        return text;
    }

    private void leakCheck(LeakCheckAction action) throws MiSessionException, StopFailure {
        try {
            leakCheck = series.check(action.monitorCommand(), action, known, this::monitor);
        } catch (LeakCheckFailure e) {
            throw new StopFailure(e.getMessage());
        }
        blockLists.clear();
    }

    private void blockLists(BlockListAction action) throws MiSessionException, StopFailure {
        ensureSearched();
        List<Integer> numbers = action.records().isEmpty() ? recordsOfKinds(action.kinds()) : action.records();
        for (int number : numbers) {
            blockList(number);
        }
    }

    private BlockList blockList(int number) throws MiSessionException, StopFailure {
        BlockList known = blockLists.get(number);
        if (known != null) {
            return known;
        }
        String text = monitor(BlockListAction.monitorCommand(number));
        BlockListResult result = BlockListParser.parse(text);
        if (result.blockLists().isEmpty()) {
            throw new StopFailure("'block_list " + number + "' failed: " + complaint(result.errors(), text));
        }
        BlockList list = result.blockLists().get(0);
        blockLists.put(number, list);
        return list;
    }

    private void whoPointsAt(WhoPointsAtAction action) throws MiSessionException, StopFailure {
        if (action.address().isPresent()) {
            search(action.address().getAsLong(), action.length());
            return;
        }
        ensureSearched();
        for (int number : recordsOfKinds(action.kinds())) {
            for (Block block : blockList(number).blocks()) {
                // The whole block, so that interior pointers count too.
                search(block.address(), Math.max(1, block.size()));
            }
        }
    }

    private void search(long address, long length) throws MiSessionException, StopFailure {
        String text = monitor(WhoPointsAtAction.monitorCommand(address, length));
        WhoPointsAtResult result = WhoPointsAtParser.parse(text);
        if (result.search() == null) {
            throw new StopFailure("'who_points_at 0x" + Long.toHexString(address) + "' failed: "
                    + complaint(result.errors(), text));
        }
        pointerSearches.add(result.search());
    }

    private void ensureSearched() throws MiSessionException, StopFailure {
        if (leakCheck == null) {
            leakCheck(LeakCheckAction.defaults());
        }
    }

    /** The records of these kinds the stop's check showed, with blocks (their numbers are the latest search's). */
    private List<Integer> recordsOfKinds(Set<LossKind> kinds) {
        List<Integer> numbers = new ArrayList<>();
        for (LossRecordResult r : leakCheck.lossRecords()) {
            if (!r.gone() && LeakView.ofKinds(kinds, r.record())) {
                numbers.add(r.record().number());
            }
        }
        return numbers;
    }

    private static String complaint(List<MonitorError> errors, String text) {
        if (!errors.isEmpty()) {
            return String.join("; ", errors.stream().map(MonitorError::text).toList());
        }
        return text.isBlank() ? "no answer" : text.strip().lines().findFirst().orElse("");
    }


}
