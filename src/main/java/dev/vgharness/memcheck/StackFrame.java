package dev.vgharness.memcheck;

/**
 * One frame of a stack trace, split from {@code at 0x10954F: fn(args) (basic_string.h:659)} or
 * {@code by 0x49007B9: ??? (in /usr/lib/libstdc++.so.6)}. The function keeps C++ parentheses and commas whole;
 * {@code ???} stays as printed. Inlined calls repeat the same address on consecutive frames.
 *
 * @param address the instruction address
 * @param function the function name, {@code ???} when unknown, or null when the frame printed none
 * @param file the source file (with the directory when valgrind printed one), or null
 * @param line the source line, or null
 * @param object the object file of {@code (in OBJ)}, or null
 */
public record StackFrame(long address, String function, String file, Integer line, String object) {

    /** True when valgrind knew no function name for this frame. */
    public boolean unknownFunction() {
        return function == null || function.equals("???");
    }
}
