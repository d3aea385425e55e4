package dev.vgharness.plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An invalid plan: every problem found, in file order. The message is their lines joined by newlines, e.g.
 * <pre>
 * plan.yaml:3:10: unsupported version 2 (this vgharness reads version 1)
 * plan.yaml:9:5: unknown key 'comand' in case 'growth' (did you mean 'command'?)
 * </pre>
 * The CLI prints the message and exits with code 2 without running anything.
 */
public final class PlanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<PlanProblem> problems;

    public PlanException(List<PlanProblem> problems) {
        super(problems.stream().map(PlanProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PlanException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<PlanProblem> problems() {
        return problems;
    }
}
