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
 * @param failures the actions that failed here (a failure not allowed ended the stop's actions)
 * @param leftOut what the limits of {@code block_list} and {@code who_points_at} left out
 * @param notes what the harness did besides the plan's actions, in words (e.g. giving valgrind's output back to gdb)
 */
public record StopResult(String breakpoint, int hit, int thread, StopFrame frame, StopLeakCheck leakCheck,
        List<BlockList> blockLists, List<PointerSearch> whoPointsAt, List<CommandOutput> monitor, Long errors,
        Long rssKb, List<Assertion> assertions, List<CommandOutput> gdb, List<CommandOutput> transcript,
        long durationMs, MemorySnapshot memory, List<ActionFailure> failures, List<LeftOut> leftOut,
        List<String> notes) {

    /** A stop where every action worked in full and the harness had nothing to note. */
    public StopResult(String breakpoint, int hit, int thread, StopFrame frame, StopLeakCheck leakCheck,
            List<BlockList> blockLists, List<PointerSearch> whoPointsAt, List<CommandOutput> monitor, Long errors,
            Long rssKb, List<Assertion> assertions, List<CommandOutput> gdb, List<CommandOutput> transcript,
            long durationMs, MemorySnapshot memory) {
        this(breakpoint, hit, thread, frame, leakCheck, blockLists, whoPointsAt, monitor, errors, rssKb, assertions,
                gdb, transcript, durationMs, memory, List.of(), List.of(), List.of());
    }

    /** A stop without the process view. */
    public StopResult(String breakpoint, int hit, int thread, StopFrame frame, StopLeakCheck leakCheck,
            List<BlockList> blockLists, List<PointerSearch> whoPointsAt, List<CommandOutput> monitor, Long errors,
            Long rssKb, List<Assertion> assertions, List<CommandOutput> gdb, List<CommandOutput> transcript,
            long durationMs) {
        this(breakpoint, hit, thread, frame, leakCheck, blockLists, whoPointsAt, monitor, errors, rssKb, assertions,
                gdb, transcript, durationMs, null);
    }

    public StopResult {
        requireNonNull(breakpoint, "breakpoint is null");
        blockLists = List.copyOf(blockLists);
        whoPointsAt = List.copyOf(whoPointsAt);
        monitor = List.copyOf(monitor);
        assertions = List.copyOf(assertions);
        gdb = List.copyOf(gdb);
        transcript = List.copyOf(transcript);
        failures = List.copyOf(failures);
        leftOut = List.copyOf(leftOut);
        notes = List.copyOf(notes);
    }

    public boolean passed() {
        return assertions.stream().allMatch(Assertion::passed);
    }

    /** The first failure the plan did not allow, if any: it makes the case an error. */
    public java.util.Optional<ActionFailure> unallowedFailure() {
        return failures.stream().filter(f -> !f.allowed()).findFirst();
    }
}
