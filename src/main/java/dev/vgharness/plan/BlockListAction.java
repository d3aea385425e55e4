package dev.vgharness.plan;

import java.util.List;
import java.util.Set;

/**
 * Expands loss records of the leak check that ran before it with {@code block_list N}: either every record of
 * some kinds ({@code block_list: {kinds: [definite]}}) or numbered ones ({@code block_list: {records: [3, 7]}}).
 * Exactly one of {@code kinds} and {@code records} is non-empty.
 */
public record BlockListAction(Set<LossKind> kinds, List<Integer> records) implements Action {

    public BlockListAction {
        kinds = Set.copyOf(kinds);
        records = List.copyOf(records);
        if (kinds.isEmpty() == records.isEmpty()) {
            throw new IllegalArgumentException("exactly one of kinds and records must be given");
        }
    }

    @Override
    public String name() {
        return "block_list";
    }

    @Override
    public <X extends Exception, Y extends Exception> void accept(Visitor<X, Y> visitor) throws X, Y {
        visitor.blockList(this);
    }

    /** The monitor command for one loss record: {@code block_list 3}. */
    public static String monitorCommand(int record) {
        return "block_list " + record;
    }
}
