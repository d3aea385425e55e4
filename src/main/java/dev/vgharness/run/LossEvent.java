package dev.vgharness.run;

import dev.vgharness.memcheck.StackFrame;
import dev.vgharness.result.LostAt;
import dev.vgharness.result.LostHow;
import dev.vgharness.vgdb.GdbFrame;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stop of the second run that may have taken pointers to followed blocks away: how, the stack there, the frame
 * the loss is reported from (1 inside free: its caller), and the names of the holders it concerned.
 */
record LossEvent(LostHow how, List<GdbFrame> stack, int frame, Map<Long, String> names) {

    static LossEvent at(LostHow how, List<GdbFrame> stack, int frame) {
        return new LossEvent(how, stack, frame, new HashMap<>());
    }

    /** The loss at this stop, at the innermost frame of the program's own code (not a library or system header). */
    LostAt lostAt(String heldBy) {
        List<GdbFrame> from = stack.subList(Math.min(frame, stack.size()), stack.size());
        GdbFrame top = from.stream().filter(f -> f.line().isPresent() && LostNames.ownCode(f)).findFirst()
                .orElse(from.isEmpty() ? null : from.get(0));
        List<StackFrame> backtrace = from.stream().map(LossEvent::frameOf).toList();
        if (top == null) {
            return new LostAt("???", null, null, backtrace, how, heldBy);
        }
        return new LostAt(top.function(), top.fullname().or(top::file).orElse(null), top.line().orElse(null),
                backtrace, how, heldBy);
    }

    private static StackFrame frameOf(GdbFrame f) {
        return new StackFrame(f.address(), f.function(), f.fullname().or(f::file).orElse(null), f.line().orElse(null),
                f.library().orElse(null));
    }
}
