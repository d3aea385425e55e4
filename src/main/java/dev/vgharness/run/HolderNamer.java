package dev.vgharness.run;

import dev.vgharness.memcheck.PointerLocation;
import dev.vgharness.memcheck.PointerOwner;
import dev.vgharness.vgdb.GdbFrame;
import dev.vgharness.vgdb.GdbVariable;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.TraceCommands;
import dev.vgharness.mi.MiTuple;
import dev.vgharness.vgdb.GdbCommands;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names the holders of a pointer in the program's own words where gdb can: the local variable a stack slot belongs
 * to ({@code local line in parse_header}), the field of a struct a heap slot is ({@code c->buf}, when a variable of
 * the stopped frame points at the struct). Stack names are asked once per slot and function.
 */
final class HolderNamer {

    private final MiSession gdb;
    private final Map<String, String> locals = new HashMap<>();

    HolderNamer(MiSession gdb) {
        this.gdb = gdb;
    }

    /** The holder a pointer found by {@code who_points_at} is; {@code stack} is the thread's stack (for locals). */
    Holder holder(PointerOwner owner, List<GdbFrame> stack) throws MiSessionException {
        long slot = owner.address();
        return switch (owner.kind()) {
            case GLOBAL -> new Holder(slot, PointerLocation.GLOBAL, 0, 0, null, LostNames.global(owner));
            case STACK -> {
                int thread = owner.thread() == null ? 1 : owner.thread();
                int frame = LostNames.frame(owner).orElse(0);
                yield new Holder(slot, PointerLocation.STACK, thread, frame, null, local(thread, frame, slot, stack));
            }
            case HEAP -> new Holder(slot, PointerLocation.HEAP, 0, 0, slot - owner.blockOffset(),
                    LostNames.container(owner));
            default -> new Holder(slot, owner.kind(), 0, 0, null, "the memory at 0x" + Long.toHexString(slot));
        };
    }

    private String local(int thread, int frame, long slot, List<GdbFrame> stack) throws MiSessionException {
        String function = frame < stack.size() ? stack.get(frame).function() : "frame #" + frame;
        String key = function + "@" + slot;
        String known = locals.get(key);
        if (known == null) {
            known = variableAt(thread, frame, slot).map(v -> "local " + v + " in " + function)
                    .orElse("a stack slot of " + function);
            locals.put(key, known);
        }
        return known;
    }

    /** The variable of a frame whose storage holds {@code slot}. */
    private Optional<String> variableAt(int thread, int frame, long slot) throws MiSessionException {
        for (GdbVariable v : GdbCommands.variables(gdb, thread, frame)) {
            Optional<Long> start = evaluated(thread, frame, "&" + v.name());
            Optional<Long> size = evaluated(thread, frame, "sizeof (" + v.name() + ")");
            if (start.isPresent() && size.isPresent() && slot >= start.get() && slot < start.get() + size.get()) {
                return Optional.of(slot == start.get() ? v.name() : v.name() + "+" + (slot - start.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * The field of a struct a heap holder is, named through a variable of the given frame that points at the
     * struct: {@code c->buf}; empty when no variable there points at it or the type has no such field.
     */
    Optional<String> field(int thread, int frame, Holder holder) throws MiSessionException {
        if (holder.container() == null) {
            return Optional.empty();
        }
        for (GdbVariable v : GdbCommands.variables(gdb, thread, frame)) {
            if (v.value().flatMap(TraceCommands::addressIn).filter(holder.container()::equals).isEmpty()
                    || !v.type().endsWith("*")) {
                continue;
            }
            for (String child : children(thread, frame, "*" + v.name())) {
                String name = v.name() + "->" + child;
                if (evaluated(thread, frame, "&" + name).filter(a -> a == holder.slot()).isPresent()) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    /** The member names of a struct expression, through a variable object made and deleted here. */
    private List<String> children(int thread, int frame, String expression) throws MiSessionException {
        String created;
        try {
            created = gdb.send("-var-create --thread " + thread + " --frame " + frame + " - * "
                    + dev.vgharness.mi.CStrings.quote(expression)).result().string("name");
        } catch (MiSessionException.CommandFailed notAStruct) {
            return List.of();
        }
        try {
            var answer = gdb.send("-var-list-children " + created).result();
            if (!answer.has("children")) {
                return List.of();
            }
            return answer.list("children").all("child").stream().map(c -> ((MiTuple) c).string("exp")).toList();
        } catch (MiSessionException.CommandFailed | dev.vgharness.mi.MiFieldException noChildren) {
            return List.of();
        } finally {
            gdb.send("-var-delete " + created);
        }
    }

    private Optional<Long> evaluated(int thread, int frame, String expression) throws MiSessionException {
        try {
            String value = TraceCommands.evaluate(gdb, thread, frame, expression);
            return value.matches("\\d+") ? Optional.of(Long.parseLong(value)) : TraceCommands.addressIn(value);
        } catch (MiSessionException.CommandFailed notAnLvalue) {
            return Optional.empty();
        }
    }
}
