package dev.vgharness.plan;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.BlockContents;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Expands loss records of the leak check that ran before it with {@code block_list N limited M}: either every
 * record of some kinds ({@code block_list: {kinds: [definite]}}) or numbered ones ({@code block_list: {records:
 * [3, 7]}}), at most {@code limit} blocks each ({@code limit: 100} by default, {@code unlimited} allowed: Valgrind
 * needs minutes to list a record of a million blocks). Exactly one of {@code kinds} and {@code records} is
 * non-empty.
 *
 * @param limit blocks listed per record at most (Valgrind counts the indirect ones too), empty for unlimited
 * @param contents bytes read of each block listed, indirect ones too ({@code contents: 32}); 0 reads none
 */
public record BlockListAction(Set<LossKind> kinds, List<Integer> records, OptionalInt limit, int contents)
        implements Action {

    /** Blocks listed per record when the plan says nothing. */
    public static final int DEFAULT_LIMIT = 100;

    public BlockListAction {
        kinds = Set.copyOf(kinds);
        records = List.copyOf(records);
        requireNonNull(limit, "limit is null");
        if (kinds.isEmpty() == records.isEmpty()) {
            throw new IllegalArgumentException("exactly one of kinds and records must be given");
        }
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        if (contents < 0 || contents > BlockContents.MAX_BYTES) {
            throw new IllegalArgumentException("contents must be 0 to " + BlockContents.MAX_BYTES + ": " + contents);
        }
    }

    /** The action without contents. */
    public BlockListAction(Set<LossKind> kinds, List<Integer> records, OptionalInt limit) {
        this(kinds, records, limit, 0);
    }

    /** The action with the default limit. */
    public BlockListAction(Set<LossKind> kinds, List<Integer> records) {
        this(kinds, records, OptionalInt.of(DEFAULT_LIMIT));
    }

    @Override
    public String name() {
        return "block_list";
    }

    @Override
    public <X extends Exception, Y extends Exception> void accept(Visitor<X, Y> visitor) throws X, Y {
        visitor.blockList(this);
    }

    /** The monitor command for one loss record: {@code block_list 3 limited 100}, or {@code block_list 3}. */
    public static String monitorCommand(int record, OptionalInt limit) {
        return "block_list " + record + (limit.isPresent() ? " limited " + limit.getAsInt() : "");
    }
}
