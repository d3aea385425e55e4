package dev.vgharness.run;

import dev.vgharness.memcheck.PointerOwner;
import dev.vgharness.memcheck.StackFrame;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words for where a pointer lived ({@code held_by}) and for a code location, from what Memcheck said. */
final class LostNames {

    /** {@code Address 0x10c040 is 0 bytes inside data symbol "registry"} (3.19) or {@code global var "g"}. */
    private static final Pattern GLOBAL = Pattern.compile("is (\\d+) bytes inside (?:data symbol|global var) \"([^\"]+)\"");
    /** {@code Address 0x1fff000638 is on thread 1's stack, in frame #1}: no frame number in the red zone. */
    private static final Pattern FRAME = Pattern.compile("in frame #(\\d+)");
    /** A function of the C++ library, with or without its return type: {@code void std::vector<int>::_M_fill...}. */
    private static final Pattern LIBRARY = Pattern.compile("(\\S+ )?(std|__gnu_cxx|__cxxabiv1)::");

    private LostNames() {
    }

    /**
     * Whether a frame runs the program's own code: with a source file by absolute path, not under /usr (libraries,
     * system headers such as {@code bits/unique_ptr.h}).
     */
    static boolean ownCode(dev.vgharness.vgdb.GdbFrame frame) {
        String file = frame.fullname().orElse("");
        return file.startsWith("/") && !file.startsWith("/usr/");
    }

    /** {@code parse_header (lost.c:24)}, or the function alone without a line. */
    static String place(String function, String file, Integer line) {
        String name = function == null ? "???" : function;
        if (file == null || line == null) {
            return name;
        }
        int slash = file.lastIndexOf('/');
        return name + " (" + (slash < 0 ? file : file.substring(slash + 1)) + ":" + line + ")";
    }

    /** {@code registry}, {@code registry+8}, or the address when valgrind named no symbol. */
    static String global(PointerOwner owner) {
        Matcher m = GLOBAL.matcher(owner.description() == null ? "" : owner.description());
        if (!m.find()) {
            return "the global at 0x" + Long.toHexString(owner.address());
        }
        return m.group(1).equals("0") ? m.group(2) : m.group(2) + "+" + m.group(1);
    }

    /**
     * The frame a stack pointer lives in. Valgrind names none for a slot below the stack pointer, in the red zone
     * it still scans: a frame that has returned ({@code Address 0x1fff0005f8 is on thread 1's stack}).
     */
    static java.util.OptionalInt frame(PointerOwner owner) {
        Matcher m = FRAME.matcher(owner.description() == null ? "" : owner.description());
        return m.find() ? java.util.OptionalInt.of(Integer.parseInt(m.group(1))) : java.util.OptionalInt.empty();
    }

    /** Whether a pointer is in a live place: not in a register (transient), not in a returned frame's slot. */
    static boolean holds(PointerOwner owner) {
        return switch (owner.kind()) {
            case REGISTER -> false;
            case STACK -> frame(owner).isPresent();
            default -> owner.address() != null;
        };
    }

    /** {@code inside the 16-byte block allocated at queue_push (lost.c:32)}. */
    static String container(PointerOwner owner) {
        String at = allocatedAt(owner.stack());
        return "inside the " + owner.blockSize() + "-byte block" + (at.isEmpty() ? "" : " allocated at " + at);
    }

    /**
     * The first frame below the allocator of an allocation stack that is not the C++ library's own (a map's node is
     * allocated by {@code std::__new_allocator<...>::allocate}, called from {@code Inventory::restock}), as a place;
     * "" for no stack.
     */
    static String allocatedAt(List<StackFrame> stack) {
        if (stack.isEmpty()) {
            return "";
        }
        List<StackFrame> below = stack.subList(Math.min(1, stack.size() - 1), stack.size());
        StackFrame f = below.stream().filter(frame -> frame.function() != null
                && !LIBRARY.matcher(frame.function()).lookingAt()).findFirst().orElse(below.get(0));
        return place(f.function(), f.file(), f.line());
    }
}
