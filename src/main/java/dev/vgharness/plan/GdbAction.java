package dev.vgharness.plan;

import static java.util.Objects.requireNonNull;

/** Any gdb command, its text kept for the report: {@code - gdb: "info threads"}. */
public record GdbAction(String command) implements Action {

    public GdbAction {
        requireNonNull(command, "command is null");
    }

    @Override
    public String name() {
        return "gdb";
    }

    @Override
    public <X extends Exception, Y extends Exception> void accept(Visitor<X, Y> visitor) throws X, Y {
        visitor.gdb(this);
    }
}
