package dev.vgharness.plan;

import static java.util.Objects.requireNonNull;

/** Any monitor command, its text kept for the report: {@code - monitor: "v.info n_errs_found"}. */
public record MonitorAction(String command) implements Action {

    public MonitorAction {
        requireNonNull(command, "command is null");
    }

    @Override
    public String name() {
        return "monitor";
    }

    @Override
    public <X extends Exception, Y extends Exception> void accept(Visitor<X, Y> visitor) throws X, Y {
        visitor.monitor(this);
    }
}
