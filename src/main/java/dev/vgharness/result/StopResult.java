package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.BlockList;
import dev.vgharness.memcheck.MemcheckError;
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
 * @param gdb the output of {@code gdb:} actions
 * @param transcript every monitor command sent at this stop with its raw text (for JUnit's system-out)
 * @param memory the process view (mallinfo2, /proc) at this stop, or null when not taken
 * @param reason why the target stopped: at a breakpoint, or at a Memcheck error ({@code on_error:})
 * @param error at an error stop, the error as {@code v.info last_error} told it; null at a breakpoint
 * @param backtrace at an error stop, every frame of the stopped thread; empty at a breakpoint
 * @param locals at an error stop, the arguments and locals of the first own frames; empty otherwise
 * @param mallocTrim what the {@code malloc_trim} action gave back, or null when the stop had none (native mode)
 * @param failures the actions that failed here (a failure not allowed ended the stop's actions)
 * @param leftOut what the limits of {@code block_list} and {@code who_points_at} left out
 * @param notes what the harness did besides the plan's actions, in words (e.g. giving valgrind's output back to gdb)
 * @param pid the process that stopped (the case's main process or a traced child), or 0 when not said
 */
public record StopResult(String breakpoint, int hit, int thread, StopFrame frame, StopLeakCheck leakCheck,
        List<BlockList> blockLists, List<PointerSearch> whoPointsAt, List<CommandOutput> monitor, Long errors,
        Long rssKb, List<Assertion> assertions, List<CommandOutput> gdb, List<CommandOutput> transcript,
        long durationMs, MemorySnapshot memory, StopReason reason, MemcheckError error, List<StopFrame> backtrace,
        List<FrameLocals> locals, TrimProbe mallocTrim, List<ActionFailure> failures, List<LeftOut> leftOut,
        List<String> notes, long pid) {

    /** A stop whose process is not said. */
    public StopResult(String breakpoint, int hit, int thread, StopFrame frame, StopLeakCheck leakCheck,
            List<BlockList> blockLists, List<PointerSearch> whoPointsAt, List<CommandOutput> monitor, Long errors,
            Long rssKb, List<Assertion> assertions, List<CommandOutput> gdb, List<CommandOutput> transcript,
            long durationMs, MemorySnapshot memory, StopReason reason, MemcheckError error, List<StopFrame> backtrace,
            List<FrameLocals> locals, TrimProbe mallocTrim, List<ActionFailure> failures, List<LeftOut> leftOut,
            List<String> notes) {
        this(breakpoint, hit, thread, frame, leakCheck, blockLists, whoPointsAt, monitor, errors, rssKb, assertions,
                gdb, transcript, durationMs, memory, reason, error, backtrace, locals, mallocTrim, failures, leftOut,
                notes, 0);
    }

    /** A breakpoint stop with a trim probe, where every action worked in full and the harness had nothing to note. */
    public StopResult(String breakpoint, int hit, int thread, StopFrame frame, StopLeakCheck leakCheck,
            List<BlockList> blockLists, List<PointerSearch> whoPointsAt, List<CommandOutput> monitor, Long errors,
            Long rssKb, List<Assertion> assertions, List<CommandOutput> gdb, List<CommandOutput> transcript,
            long durationMs, MemorySnapshot memory, TrimProbe mallocTrim) {
        this(breakpoint, hit, thread, frame, leakCheck, blockLists, whoPointsAt, monitor, errors, rssKb, assertions,
                gdb, transcript, durationMs, memory, StopReason.BREAKPOINT, null, List.of(), List.of(), mallocTrim,
                List.of(), List.of(), List.of());
    }

    /** A breakpoint stop with what failed, what the limits left out and what the harness noted. */
    public StopResult(String breakpoint, int hit, int thread, StopFrame frame, StopLeakCheck leakCheck,
            List<BlockList> blockLists, List<PointerSearch> whoPointsAt, List<CommandOutput> monitor, Long errors,
            Long rssKb, List<Assertion> assertions, List<CommandOutput> gdb, List<CommandOutput> transcript,
            long durationMs, MemorySnapshot memory, List<ActionFailure> failures, List<LeftOut> leftOut,
            List<String> notes) {
        this(breakpoint, hit, thread, frame, leakCheck, blockLists, whoPointsAt, monitor, errors, rssKb, assertions,
                gdb, transcript, durationMs, memory, StopReason.BREAKPOINT, null, List.of(), List.of(), null,
                failures, leftOut, notes);
    }

    /** A breakpoint stop where every action worked in full and the harness had nothing to note. */
    public StopResult(String breakpoint, int hit, int thread, StopFrame frame, StopLeakCheck leakCheck,
            List<BlockList> blockLists, List<PointerSearch> whoPointsAt, List<CommandOutput> monitor, Long errors,
            Long rssKb, List<Assertion> assertions, List<CommandOutput> gdb, List<CommandOutput> transcript,
            long durationMs, MemorySnapshot memory) {
        this(breakpoint, hit, thread, frame, leakCheck, blockLists, whoPointsAt, monitor, errors, rssKb, assertions,
                gdb, transcript, durationMs, memory, (TrimProbe) null);
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
        requireNonNull(reason, "reason is null");
        if (reason == StopReason.BREAKPOINT) {
            requireNonNull(breakpoint, "breakpoint is null");
        }
        backtrace = List.copyOf(backtrace);
        locals = List.copyOf(locals);
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

    /** The same stop with another leak check (a report's filtered view of it). */
    public StopResult withLeakCheck(StopLeakCheck check) {
        return new StopResult(breakpoint, hit, thread, frame, check, blockLists, whoPointsAt, monitor, errors, rssKb,
                assertions, gdb, transcript, durationMs, memory, reason, error, backtrace, locals, mallocTrim, failures,
                leftOut, notes, pid);
    }

    /** How reports name the stop: {@code after_request#2}, or {@code error#1} for the first error stop. */
    public String label() {
        return (reason == StopReason.ERROR ? "error" : breakpoint) + "#" + hit;
    }

    public boolean passed() {
        return assertions.stream().allMatch(Assertion::passed);
    }

    /** The first failure the plan did not allow, if any: it makes the case an error. */
    public java.util.Optional<ActionFailure> unallowedFailure() {
        return failures.stream().filter(f -> !f.allowed()).findFirst();
    }
}
