package dev.vgharness.memcheck;

/** Where a pointer found by {@code who_points_at} lives. */
public enum PointerLocation {
    /** On a thread's stack: {@code Address 0x1fff000600 is on thread 1's stack}. */
    STACK,
    /** In a register of a thread: {@code tid 1 register RBX pointing at 0x4d6dd90}. */
    REGISTER,
    /** In a global or static: {@code Address 0x10c038 is 0 bytes inside data symbol "g_sink"}. */
    GLOBAL,
    /** Inside a heap block: {@code Address 0x4a401d8 is 8 bytes inside a block of size 16 alloc'd}. */
    HEAP,
    /** Anything else valgrind can describe (segments, freed memory, no description at all). */
    OTHER
}
