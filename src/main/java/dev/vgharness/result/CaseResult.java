package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One case of the plan, run: its stops, how the target ended, valgrind's exit-time results and the case's
 * expectations.
 *
 * @param error one line when status is error, else null
 * @param pid the valgrind (target) process, or 0 when it never started
 * @param exit how the target ended, or null when it never started
 * @param finalResults valgrind's exit-time results ({@code "final"} in JSON), or null when there are none
 * @param stdout the target's standard output as captured
 * @param samples the samples of a {@code sample:} case and their growth rates, or null
 * @param notes what a reader should know about how the case ran that is not a failure, e.g. that error stops ended
 *     at {@code max_stops}
 */
public record CaseResult(String name, RunStatus status, String error, List<String> command, long pid,
        long durationMs, List<StopResult> stops, CaseExit exit, FinalResults finalResults, List<Assertion> assertions,
        String stdout, SampleSeries samples, List<String> notes) {

    /** A case without notes. */
    public CaseResult(String name, RunStatus status, String error, List<String> command, long pid, long durationMs,
            List<StopResult> stops, CaseExit exit, FinalResults finalResults, List<Assertion> assertions,
            String stdout, SampleSeries samples) {
        this(name, status, error, command, pid, durationMs, stops, exit, finalResults, assertions, stdout, samples,
                List.of());
    }

    /** A case without samples. */
    public CaseResult(String name, RunStatus status, String error, List<String> command, long pid, long durationMs,
            List<StopResult> stops, CaseExit exit, FinalResults finalResults, List<Assertion> assertions,
            String stdout) {
        this(name, status, error, command, pid, durationMs, stops, exit, finalResults, assertions, stdout, null);
    }

    public CaseResult {
        requireNonNull(name, "name is null");
        requireNonNull(status, "status is null");
        command = List.copyOf(command);
        stops = List.copyOf(stops);
        assertions = List.copyOf(assertions);
        notes = List.copyOf(notes);
    }
}
