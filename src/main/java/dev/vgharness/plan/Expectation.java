package dev.vgharness.plan;

/**
 * One line of an {@code expect:} block, e.g. {@code new_definitely_lost_bytes: "<= 24"} or
 * {@code signal: SIGSEGV}. Reports show {@link #key()} and {@link #expected()}.
 */
public sealed interface Expectation permits MetricExpectation, SignalExpectation, ExitCodeExpectation {

    /** The name as in the plan: {@code possibly_lost_blocks}, {@code signal}. */
    String key();

    /** The readable expected value: {@code "<= 24"}, {@code "SIGSEGV"}, {@code "null"}. */
    String expected();
}
