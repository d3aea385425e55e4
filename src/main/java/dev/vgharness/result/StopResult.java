package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.BlockList;
import dev.vgharness.memcheck.PointerSearch;
import java.util.List;

/**
 * What happened at one breakpoint hit that was acted on: the actions' results and the expectations checked.
 *
 * @param hit 1-based count of the hits acted on
 * @param thread gdb's number of the thread that stopped
 * @param leakCheck the last leak search of this stop, or null when none ran
 * @param errors Memcheck errors found so far ({@code v.info n_errs_found}), or null when not asked
 * @param rssKb the valgrind process's resident set at the stop, or null when unknown
 * @param gdb the output of {@code gdb:} actions (an extension of report.md)
 * @param transcript every monitor command sent at this stop with its raw text (for JUnit's system-out)
 * @param memory the process view (mallinfo2, /proc) at this stop, or null when not taken (an extension of report.md)
 * @param mallocTrim what the {@code malloc_trim} action gave back, or null when the stop had none (native mode)
 */
public record StopResult(String breakpoint, int hit, int thread, StopFrame frame, StopLeakCheck leakCheck,
        List<BlockList> blockLists, List<PointerSearch> whoPointsAt, List<CommandOutput> monitor, Long errors,
        Long rssKb, List<Assertion> assertions, List<CommandOutput> gdb, List<CommandOutput> transcript,
        long durationMs, MemorySnapshot memory, TrimProbe mallocTrim) {

    /** A stop without a trim probe. */
    public StopResult(String breakpoint, int hit, int thread, StopFrame frame, StopLeakCheck leakCheck,
            List<BlockList> blockLists, List<PointerSearch> whoPointsAt, List<CommandOutput> monitor, Long errors,
            Long rssKb, List<Assertion> assertions, List<CommandOutput> gdb, List<CommandOutput> transcript,
            long durationMs, MemorySnapshot memory) {
        this(breakpoint, hit, thread, frame, leakCheck, blockLists, whoPointsAt, monitor, errors, rssKb, assertions,
                gdb, transcript, durationMs, memory, null);
    }

    /** A stop without the process view. */
    public StopResult(String breakpoint, int hit, int thread, StopFrame frame, StopLeakCheck leakCheck,
            List<BlockList> blockLists, List<PointerSearch> whoPointsAt, List<CommandOutput> monitor, Long errors,
            Long rssKb, List<Assertion> assertions, List<CommandOutput> gdb, List<CommandOutput> transcript,
            long durationMs) {
        this(breakpoint, hit, thread, frame, leakCheck, blockLists, whoPointsAt, monitor, errors, rssKb, assertions,
                gdb, transcript, durationMs, null, null);
    }

    public StopResult {
        requireNonNull(breakpoint, "breakpoint is null");
        blockLists = List.copyOf(blockLists);
        whoPointsAt = List.copyOf(whoPointsAt);
        monitor = List.copyOf(monitor);
        assertions = List.copyOf(assertions);
        gdb = List.copyOf(gdb);
        transcript = List.copyOf(transcript);
    }

    public boolean passed() {
        return assertions.stream().allMatch(Assertion::passed);
    }
}
