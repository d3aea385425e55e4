package dev.vgharness.memcheck;

import java.util.List;

/** The answer of {@code who_points_at}: the search (null when refused) and any complaint. */
public record WhoPointsAtResult(PointerSearch search, List<MonitorError> errors) {

    public WhoPointsAtResult {
        errors = List.copyOf(errors);
    }
}
