package dev.vgharness.repl;

import dev.vgharness.memcheck.BlockList;
import dev.vgharness.memcheck.PointerSearch;
import dev.vgharness.result.CommandOutput;
import dev.vgharness.result.StopFrame;
import dev.vgharness.result.StopLeakCheck;
import dev.vgharness.result.StopResult;
import java.util.ArrayList;
import java.util.List;

/** What was asked at one stop of the REPL's target so far; becomes a {@link StopResult} for {@code :report}. */
final class StopDraft {

    private final String label;
    private final int hit;
    private final int thread;
    private final StopFrame frame;
    private final long startNanos = System.nanoTime();
    private final List<BlockList> blockLists = new ArrayList<>();
    private final List<PointerSearch> pointerSearches = new ArrayList<>();
    private final List<CommandOutput> monitor = new ArrayList<>();
    private final List<CommandOutput> gdb = new ArrayList<>();
    private final List<CommandOutput> transcript = new ArrayList<>();
    private StopLeakCheck leakCheck;
    private long durationMs;

    StopDraft(String label, int hit, int thread, StopFrame frame) {
        this.label = label;
        this.hit = hit;
        this.thread = thread;
        this.frame = frame;
    }

    void leakCheck(StopLeakCheck report) {
        leakCheck = report;
        // Loss record numbers change with every search: block lists of the previous one no longer apply.
        blockLists.clear();
    }

    void blockLists(List<BlockList> lists) {
        blockLists.addAll(lists);
    }

    void pointerSearch(PointerSearch search) {
        pointerSearches.add(search);
    }

    /** A monitor command and its raw answer; {@code parsed} says whether it is kept as parsed data too. */
    void monitor(String command, String output, boolean parsed) {
        transcript.add(new CommandOutput(command, output));
        if (!parsed) {
            monitor.add(new CommandOutput(command, output));
        }
        touch();
    }

    void gdb(String command, String output) {
        gdb.add(new CommandOutput(command, output));
        touch();
    }

    private void touch() {
        durationMs = (System.nanoTime() - startNanos) / 1_000_000;
    }

    StopResult result() {
        return new StopResult(label, hit, thread, frame, leakCheck, blockLists, pointerSearches, monitor, null, null,
                List.of(), gdb, transcript, durationMs);
    }
}
