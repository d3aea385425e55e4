package dev.vgharness.run;

import dev.vgharness.memcheck.PointerLocation;

/**
 * A place in memory holding a pointer to a followed block, as {@code who_points_at} found it.
 *
 * @param slot the address of the pointer
 * @param kind a global, a stack slot or inside a heap block (registers are not holders: they are transient)
 * @param thread the thread of a stack slot, else 0
 * @param frame the frame of a stack slot (0 is the innermost), else 0
 * @param container the start of the heap block holding the pointer, else null
 * @param heldBy the words for it: {@code registry}, {@code local line in parse_header},
 *     {@code inside the 16-byte block allocated at queue_push (lost.c:32)}
 */
record Holder(long slot, PointerLocation kind, int thread, int frame, Long container, String heldBy) {
}
