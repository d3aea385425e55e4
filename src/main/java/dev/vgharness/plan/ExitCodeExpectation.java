package dev.vgharness.plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The exit codes a case's target may end with, any one of them ({@code check --allow-exit 3}: 0 or 3). A plan's
 * {@code exit_code: N} is a {@link MetricExpectation} instead; both are reported under the key {@code exit_code}.
 *
 * @param allowed the codes that pass, sorted, without repeats
 */
public record ExitCodeExpectation(List<Integer> allowed) implements Expectation {

    public ExitCodeExpectation {
        allowed = allowed.stream().distinct().sorted().toList();
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("no exit code allowed");
        }
    }

    public boolean test(int code) {
        return allowed.contains(code);
    }

    @Override
    public String key() {
        return Metric.EXIT_CODE.key();
    }

    /** {@code "0"}, {@code "0 or 3"}. */
    @Override
    public String expected() {
        return allowed.stream().map(String::valueOf).collect(Collectors.joining(" or "));
    }
}
