package dev.vgharness.plan;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * How a case's target must end: killed by a signal ({@code signal: SIGSEGV}) or not by any ({@code signal: null}).
 *
 * @param signal the expected signal name, empty for "not killed by a signal"
 */
public record SignalExpectation(Optional<String> signal) implements Expectation {

    public SignalExpectation {
        requireNonNull(signal, "signal is null");
    }

    /** @param actual the signal that ended the target, empty when it exited normally */
    public boolean test(Optional<String> actual) {
        return signal.equals(actual);
    }

    @Override
    public String key() {
        return "signal";
    }

    @Override
    public String expected() {
        return signal.orElse("null");
    }
}
