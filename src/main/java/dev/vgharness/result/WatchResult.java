package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A {@code vgharness watch}: the samples of a running process, their rates, the verdict, the expectations checked
 * and, when asked for, the trim probe. The JSON report is this record:
 * <pre>
 * {"tool": {...}, "target": {"pid": 4242, "command": [...], "started": false}, "status": "passed", "error": null,
 *  "started_at": "...", "duration_ms": 3012, "every_ms": 200, "stopped_ms": 240, "exit": {"status": "detached", ...},
 *  "mallinfo_unavailable": null, "repairs": [], "samples": [...], "rates": {...}, "verdict": {...},
 *  "expectations": [...], "trim_probe": null}
 * </pre>
 *
 * @param status failed when an expectation failed, error when the watch itself went wrong
 * @param error one line when status is error, else null
 * @param stoppedMs how long the watch kept the process stopped in all (interrupts, mallinfo2 calls, breakpoint hits):
 *     the rates are per second of wall time, during which the process ran only the rest of the time
 * @param exit how the watch left the process: detached (still running; for a program watch started, ended by it),
 *     exited or signaled when it ended while watched; null when it was never reached
 * @param mallinfoUnavailable why mallinfo2 could not be read (no ptrace, no mallinfo2 in its libc), or null
 * @param repairs what vgharness had to repair when gdb went away uncleanly (breakpoints written back, SIGCONT)
 * @param trimProbe the {@code --trim-probe} result, or null when not asked for (or not reached)
 */
public record WatchResult(RunResult.Tool tool, WatchTarget target, RunStatus status, String error, Instant startedAt,
        long durationMs, long everyMs, long stoppedMs, CaseExit exit, String mallinfoUnavailable, List<String> repairs,
        List<WatchSample> samples, MemoryRates rates, WatchVerdict verdict, List<Assertion> expectations,
        TrimProbe trimProbe) {

    public WatchResult {
        requireNonNull(tool, "tool is null");
        requireNonNull(target, "target is null");
        requireNonNull(status, "status is null");
        requireNonNull(startedAt, "startedAt is null");
        repairs = List.copyOf(repairs);
        samples = List.copyOf(samples);
        requireNonNull(rates, "rates is null");
        requireNonNull(verdict, "verdict is null");
        expectations = List.copyOf(expectations);
    }
}
