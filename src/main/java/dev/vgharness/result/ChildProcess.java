package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A process of the case other than its main one, a forked or exec'd child (or a child of one): what Valgrind said of
 * it at its exit, and, when it was traced into an exec ({@code --trace-children=yes}), its stops.
 *
 * @param pid the child's pid
 * @param ppid its parent's pid (the case's main process or another child), or 0 when unknown
 * @param command the child's program and arguments as Valgrind or /proc told them; empty when unknown
 * @param status passed, failed (a {@code children: expect} failed) or error ({@code error} says why)
 * @param error one line when status is error, else null
 * @param stops the child's stops, when vgharness attached gdb to it (a traced exec'd child)
 * @param exit how the child ended: the code is null when it was not traced (Valgrind does not write a forked child's
 *     exit code); null when it did not end while the case ran
 * @param finalResults the child's exit-time results ({@code "final"} in JSON), or null when there are none
 * @param assertions the case's {@code children: expect:}, checked for this child
 */
public record ChildProcess(long pid, long ppid, List<String> command, RunStatus status, String error,
        List<StopResult> stops, CaseExit exit, FinalResults finalResults, List<Assertion> assertions) {

    public ChildProcess {
        requireNonNull(status, "status is null");
        command = List.copyOf(command);
        stops = List.copyOf(stops);
        assertions = List.copyOf(assertions);
    }

    /** {@code 4242 (./worker --id 2)}: how messages name the child. */
    public String describe() {
        return pid + (command.isEmpty() ? "" : " (" + String.join(" ", command) + ")");
    }

    /** The same child with other stops and exit-time results (a report's filtered view of it). */
    public ChildProcess withStops(List<StopResult> otherStops, FinalResults otherFinal) {
        return new ChildProcess(pid, ppid, command, status, error, otherStops, exit, otherFinal, assertions);
    }
}
