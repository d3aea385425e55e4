package dev.vgharness.plan;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Finds what points at leaked memory with {@code who_points_at ADDR LEN}: either the blocks of the loss records of
 * some kinds, at most {@code limit} a stop (20 by default), the largest first, each searched over its whole size so
 * that interior pointers count ({@code who_points_at: {kinds: [possible], limit: 20}}), or one address
 * ({@code who_points_at: {address: "0x4a5a040", length: 16}}). Exactly one of {@code kinds} and {@code address} is
 * given. Each search scans all of memory: 24,316 of them took four minutes.
 *
 * @param length bytes searched from {@code address}; 1 when the plan gives none (Valgrind's default)
 * @param limit blocks searched per stop at most with {@code kinds}, empty for unlimited (or with an address)
 */
public record WhoPointsAtAction(Set<LossKind> kinds, OptionalLong address, long length, OptionalInt limit)
        implements Action {

    /** Blocks searched per stop when the plan says nothing. */
    public static final int DEFAULT_LIMIT = 20;

    public WhoPointsAtAction {
        requireNonNull(address, "address is null");
        requireNonNull(limit, "limit is null");
        kinds = Set.copyOf(kinds);
        if (kinds.isEmpty() == address.isEmpty()) {
            throw new IllegalArgumentException("exactly one of kinds and address must be given");
        }
        if (length < 1) {
            throw new IllegalArgumentException("length must be at least 1: " + length);
        }
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }

    /** The action with the default limit for kinds (none for an address). */
    public WhoPointsAtAction(Set<LossKind> kinds, OptionalLong address, long length) {
        this(kinds, address, length, address.isEmpty() ? OptionalInt.of(DEFAULT_LIMIT) : OptionalInt.empty());
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
