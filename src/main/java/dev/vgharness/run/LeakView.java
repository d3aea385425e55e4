package dev.vgharness.run;

import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.plan.LeakCheckAction;
import dev.vgharness.plan.LossKind;
import java.util.List;
import java.util.Set;

/**
 * The loss records a {@code leak_check} asks to see, picked from a whole {@link LeakSearch} by the rules Valgrind
 * prints by ({@code mc_leakcheck.c}): the mode ({@code summary} and {@code xtleak} print none), the kinds, the delta
 * mode measured against the previous search, and the limit (the biggest records).
 */
final class LeakView {

    private LeakView() {
    }

    static List<LossRecord> shown(LeakCheckAction action, List<LossRecord> records) {
        if (action.mode() != LeakCheckAction.Mode.FULL) {
            return List.of();
        }
        List<LossRecord> shown = records.stream()
                .filter(r -> ofKinds(action.kinds(), r) && deltaShown(action.delta(), r)).toList();
        int limit = action.limit().orElse(Integer.MAX_VALUE);
        return shown.size() <= limit ? shown : shown.subList(shown.size() - limit, shown.size());
    }

    /** True when a shown record holds blocks but its number in the latest search is not known. */
    static boolean lacksNumbers(List<LossRecord> shown) {
        return shown.stream().anyMatch(r -> r.blocks() > 0 && r.number() == 0);
    }

    /** Valgrind's {@code delta_considered}: each of bytes, indirect bytes and blocks is compared on its own. */
    private static boolean deltaShown(LeakCheckAction.Delta delta, LossRecord r) {
        return switch (delta) {
            case ANY -> r.blocks() > 0;
            case INCREASED -> r.directBytesDelta() > 0 || r.indirectBytesDelta() > 0 || r.blocksDelta() > 0;
            case CHANGED -> r.directBytesDelta() != 0 || r.indirectBytesDelta() != 0 || r.blocksDelta() != 0;
            case NEW -> r.blocks() > 0 && r.blocks() == r.blocksDelta();
        };
    }

    /** True when a record is of one of the kinds ({@code definite} is definitely lost, ...). */
    static boolean ofKinds(Set<LossKind> kinds, LossRecord r) {
        return kinds.stream().anyMatch(k -> k.word().equals(r.kind().suppressionKind()));
    }
}
