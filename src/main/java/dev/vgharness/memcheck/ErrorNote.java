package dev.vgharness.memcheck;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An auxiliary text of an error beyond the first, with its stack: {@code Block was alloc'd at} plus frames.
 */
public record ErrorNote(String text, List<StackFrame> stack) {

    public ErrorNote {
        requireNonNull(text, "text is null");
        stack = List.copyOf(stack);
    }
}
