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
 * @param stderr the target's standard error as captured, without valgrind's own log;
 *     both streams are capped with the cut said in the text
 * @param warnings what in the plan will not do what it seems to (a breakpoint on malloc under Memcheck), in words
 * @param notes what a reader should know about how the case ran that is not a failure, e.g. that error stops ended
 *     at {@code max_stops}
 * @param children the case's other processes (forked or exec'd children, and theirs), in start order; the case's
 *     own stops, exit and final are its main process's
 */
public record CaseResult(String name, RunStatus status, String error, List<String> command, long pid,
        long durationMs, List<StopResult> stops, CaseExit exit, FinalResults finalResults, List<Assertion> assertions,
        String stdout, String stderr, SampleSeries samples, List<String> warnings, List<String> notes,
        List<ChildProcess> children) {

    /** A case with one process. */
    public CaseResult(String name, RunStatus status, String error, List<String> command, long pid, long durationMs,
            List<StopResult> stops, CaseExit exit, FinalResults finalResults, List<Assertion> assertions,
            String stdout, String stderr, SampleSeries samples, List<String> warnings, List<String> notes) {
        this(name, status, error, command, pid, durationMs, stops, exit, finalResults, assertions, stdout, stderr,
                samples, warnings, notes, List.of());
    }

    /** A case without stderr, warnings or notes. */
    public CaseResult(String name, RunStatus status, String error, List<String> command, long pid, long durationMs,
            List<StopResult> stops, CaseExit exit, FinalResults finalResults, List<Assertion> assertions,
            String stdout, SampleSeries samples) {
        this(name, status, error, command, pid, durationMs, stops, exit, finalResults, assertions, stdout, samples,
                List.of());
    }

    /** A case without stderr or warnings. */
    public CaseResult(String name, RunStatus status, String error, List<String> command, long pid, long durationMs,
            List<StopResult> stops, CaseExit exit, FinalResults finalResults, List<Assertion> assertions,
            String stdout, SampleSeries samples, List<String> notes) {
        this(name, status, error, command, pid, durationMs, stops, exit, finalResults, assertions, stdout, null,
                samples, List.of(), notes);
    }

    /** A case without notes. */
    public CaseResult(String name, RunStatus status, String error, List<String> command, long pid, long durationMs,
            List<StopResult> stops, CaseExit exit, FinalResults finalResults, List<Assertion> assertions,
            String stdout, String stderr, SampleSeries samples, List<String> warnings) {
        this(name, status, error, command, pid, durationMs, stops, exit, finalResults, assertions, stdout, stderr,
                samples, warnings, List.of());
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
        notes = List.copyOf(notes);
        // A report written before children were reported has none.
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** The same case with other stops and exit-time results (a report's filtered view of it). */
    public CaseResult withStops(List<StopResult> otherStops, FinalResults otherFinal) {
        return new CaseResult(name, status, error, command, pid, durationMs, otherStops, exit, otherFinal, assertions,
                stdout, stderr, samples, warnings, notes, children);
    }

    /** The case (its main process), then each child as a case of its own, named {@code case[pid]}. */
    public List<CaseResult> processes() {
        List<CaseResult> all = new java.util.ArrayList<>();
        all.add(this);
        for (ChildProcess child : children) {
            all.add(new CaseResult(childName(child), child.status(), child.error(), child.command(), child.pid(), 0,
                    child.stops(), child.exit(), child.finalResults(), child.assertions(), null, null, null,
                    List.of(), List.of(), List.of()));
        }
        return all;
    }

    /** {@code server[4242]}: how reports name a child process of this case. */
    public String childName(ChildProcess child) {
        return name + "[" + child.pid() + "]";
    }

    /** The same case with other children (a report's filtered view of them). */
    public CaseResult withChildren(List<ChildProcess> otherChildren) {
        return new CaseResult(name, status, error, command, pid, durationMs, stops, exit, finalResults, assertions,
                stdout, stderr, samples, warnings, notes, otherChildren);
    }
}
