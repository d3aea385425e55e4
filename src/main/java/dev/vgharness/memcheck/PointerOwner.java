package dev.vgharness.memcheck;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One pointer found by {@code who_points_at}, with where it lives.
 * <pre>
 * *0x10c040 interior points at 8 bytes inside 0x4a400f0
 *  Address 0x10c040 is 0 bytes inside data symbol "g_interior"
 * tid 1 register RBX pointing at 0x4d6dd90
 * </pre>
 *
 * @param address where the pointer is stored; null for a register
 * @param pointsAt the block start the pointer was reported against
 * @param offset how far inside the block the pointer points (0 for a start pointer)
 * @param interior true for an interior pointer
 * @param thread the thread of a register or stack location, or null
 * @param register the register name (upper case, {@code RBX}) or null
 * @param description the address description lines without their leading space, joined with newlines, or null
 * @param blockOffset for a pointer inside a heap block: its offset in that block, else null
 * @param blockSize for a pointer inside a heap block: the size of that block, else null
 * @param stack the allocation stack of the heap block holding the pointer (empty otherwise)
 */
public record PointerOwner(
        Long address,
        PointerLocation kind,
        long pointsAt,
        long offset,
        boolean interior,
        Integer thread,
        String register,
        String description,
        Long blockOffset,
        Long blockSize,
        List<StackFrame> stack) {

    public PointerOwner {
        requireNonNull(kind, "kind is null");
        stack = List.copyOf(stack);
    }
}
