package dev.vgharness.plan;

import static java.util.Objects.requireNonNull;

/**
 * One problem found in a plan file, printed as one line:
 * {@code plan.yaml:14:9: unknown key 'breakpiont' in case 'growth' (did you mean 'breakpoints'?)}.
 *
 * @param file the plan file as the user named it
 * @param line 1-based line, or 0 when the problem concerns the whole file (it cannot be read)
 * @param col 1-based column, or 0 with line 0
 * @param message what is wrong, without the location
 */
public record PlanProblem(String file, int line, int col, String message) {

    public PlanProblem {
        requireNonNull(file, "file is null");
        requireNonNull(message, "message is null");
    }

    @Override
    public String toString() {
        return line == 0 ? file + ": " + message : file + ":" + line + ":" + col + ": " + message;
    }
}
