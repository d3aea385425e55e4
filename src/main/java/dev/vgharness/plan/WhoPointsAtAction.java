package dev.vgharness.plan;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;
import java.util.Set;

/**
 * Finds what points at leaked memory with {@code who_points_at ADDR LEN}: either every block of the loss records
 * of some kinds, each searched over its whole size so that interior pointers count
 * ({@code who_points_at: {kinds: [possible]}}), or one address ({@code who_points_at: {address: "0x4a5a040",
 * length: 16}}). Exactly one of {@code kinds} and {@code address} is given.
 *
 * @param length bytes searched from {@code address}; 1 when the plan gives none (Valgrind's default)
 */
public record WhoPointsAtAction(Set<LossKind> kinds, OptionalLong address, long length) implements Action {

    public WhoPointsAtAction {
        requireNonNull(address, "address is null");
        kinds = Set.copyOf(kinds);
        if (kinds.isEmpty() == address.isEmpty()) {
            throw new IllegalArgumentException("exactly one of kinds and address must be given");
        }
        if (length < 1) {
            throw new IllegalArgumentException("length must be at least 1: " + length);
        }
    }

    @Override
    public String name() {
        return "who_points_at";
    }

    @Override
    public <X extends Exception, Y extends Exception> void accept(Visitor<X, Y> visitor) throws X, Y {
        visitor.whoPointsAt(this);
    }

    /** The monitor command: {@code who_points_at 0x4a5a040 16}. */
    public static String monitorCommand(long address, long length) {
        return "who_points_at 0x" + Long.toHexString(address) + " " + length;
    }
}
