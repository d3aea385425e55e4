package dev.vgharness.run;

import dev.vgharness.memcheck.PointerLocation;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.GdbCommands;
import dev.vgharness.vgdb.TraceCommands;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The gdb stops that tell when a holder of a followed block may stop holding it: a watchpoint on each slot (written
 * over), breakpoints on the return instructions of the function whose frame a stack slot is in (out of scope), and
 * breakpoints on valgrind's free and operator delete for the blocks holding pointers and the followed blocks
 * themselves (freed). Slots are counted, so that two blocks held by one slot share its watchpoint.
 */
final class TraceTraps {

    private final MiSession gdb;
    private final Map<Long, Integer> holds = new HashMap<>();
    private final Map<Long, String> watches = new HashMap<>();
    private final Map<String, Long> watchedSlots = new HashMap<>();
    private final Map<Long, List<String>> returns = new HashMap<>();
    private final Set<String> returnNumbers = new HashSet<>();
    private final Map<Long, List<Long>> returnInstructions = new HashMap<>();
    private List<String> releases;
    private Set<Long> releaseWatched = new TreeSet<>();

    TraceTraps(MiSession gdb) {
        this.gdb = gdb;
    }

    /** Starts watching a holder; {@code framePc} is the pc of a stack holder's frame (else ignored). */
    void hold(Holder holder, long framePc) throws MiSessionException {
        int count = holds.merge(holder.slot(), 1, Integer::sum);
        if (count > 1) {
            return;
        }
        String watch = TraceCommands.watch(gdb, holder.slot());
        watches.put(holder.slot(), watch);
        watchedSlots.put(watch, holder.slot());
        if (holder.kind() == PointerLocation.STACK) {
            List<String> numbers = new ArrayList<>();
            List<Long> rets = returnInstructions.get(framePc);
            if (rets == null) {
                rets = TraceCommands.returnInstructions(gdb, framePc);
                returnInstructions.put(framePc, rets);
            }
            for (long ret : rets) {
                // At the return instruction the stack pointer is above the frame's slots; deeper calls of the same
                // function return below them.
                numbers.add(TraceCommands.breakAt(gdb, ret, Optional.of("$sp > " + TraceCommands.hex(holder.slot()))));
            }
            returns.put(holder.slot(), numbers);
            returnNumbers.addAll(numbers);
        }
    }

    /** Stops watching a holder once no followed block is held by its slot. */
    void unhold(Holder holder) throws MiSessionException {
        Integer count = holds.get(holder.slot());
        if (count == null) {
            return;
        }
        if (count > 1) {
            holds.put(holder.slot(), count - 1);
            return;
        }
        holds.remove(holder.slot());
        String watch = watches.remove(holder.slot());
        watchedSlots.remove(watch);
        GdbCommands.breakDelete(gdb, watch);
        for (String number : returns.getOrDefault(holder.slot(), List.of())) {
            returnNumbers.remove(number);
            GdbCommands.breakDelete(gdb, number);
        }
        returns.remove(holder.slot());
    }

    /** The slot of a watchpoint, by its number. */
    Optional<Long> watchedSlot(String number) {
        return Optional.ofNullable(watchedSlots.get(number));
    }

    boolean isReturn(int number) {
        return returnNumbers.contains(Integer.toString(number));
    }

    boolean isRelease(int number) {
        return releases != null && releases.contains(Integer.toString(number));
    }

    /**
     * Stops at the freeing of exactly these blocks from now on. False when valgrind's free replacements cannot be
     * found (then a freed holder is not seen).
     */
    boolean stopAtFreeOf(Set<Long> blocks) throws MiSessionException {
        if (blocks.equals(releaseWatched)) {
            return true;
        }
        if (releases == null) {
            releases = new ArrayList<>();
            for (String name : TraceCommands.releaseFunctions(gdb)) {
                releases.add(GdbCommands.breakInsert(gdb, name, Optional.of("0"), 0).number());
            }
        }
        String condition = blocks.isEmpty() ? "0" : blocks.stream().map(b -> "$rdi == " + TraceCommands.hex(b))
                .collect(Collectors.joining(" || "));
        for (String number : releases) {
            TraceCommands.condition(gdb, number, condition);
        }
        releaseWatched = new TreeSet<>(blocks);
        return !releases.isEmpty();
    }
}
