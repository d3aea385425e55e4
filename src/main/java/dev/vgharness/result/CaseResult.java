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
 * @param stdout the target's standard output as captured (an extension of report.md)
 * @param samples the samples of a {@code sample:} case and their growth rates, or null (an extension of report.md)
 * @param stderr the target's standard error as captured, without valgrind's own log (an extension of report.md);
 *     both streams are capped with the cut said in the text
 * @param warnings what in the plan will not do what it seems to (a breakpoint on malloc under Memcheck), in words
 */
public record CaseResult(String name, RunStatus status, String error, List<String> command, long pid,
        long durationMs, List<StopResult> stops, CaseExit exit, FinalResults finalResults, List<Assertion> assertions,
        String stdout, String stderr, SampleSeries samples, List<String> warnings) {

    /** A case without stderr or warnings. */
    public CaseResult(String name, RunStatus status, String error, List<String> command, long pid, long durationMs,
            List<StopResult> stops, CaseExit exit, FinalResults finalResults, List<Assertion> assertions,
            String stdout, SampleSeries samples) {
        this(name, status, error, command, pid, durationMs, stops, exit, finalResults, assertions, stdout, null,
                samples, List.of());
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
        warnings = List.copyOf(warnings);
    }
}
