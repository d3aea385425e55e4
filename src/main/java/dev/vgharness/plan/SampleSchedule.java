package dev.vgharness.plan;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Periodic samples of a long-running target ({@code sample: {every: 2s, for: 60s}}): interrupt, measure,
 * continue, for the given span (or until the target ends).
 */
public record SampleSchedule(Duration every, Duration span) {

    public SampleSchedule {
        requireNonNull(every, "every is null");
        requireNonNull(span, "span is null");
    }
}
