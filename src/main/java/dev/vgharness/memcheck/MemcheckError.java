package dev.vgharness.memcheck;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A Memcheck error report from a valgrind log or XML file.
 * <pre>
 * Invalid read of size 4
 *    at 0x109176: main (errs.c:12)
 *  Address 0x4a5a050 is 0 bytes after a block of size 16 alloc'd
 *    at 0x48417B4: malloc (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)
 * </pre>
 *
 * @param kind the XML kind ({@code InvalidRead}); derived from the text when parsing a text log
 * @param count how often it occurred (from {@code N errors in context K of M:} or XML errorcounts), 1 otherwise
 * @param auxiliary the first auxiliary text, or null
 * @param auxiliaryStack the stack after the first auxiliary text
 * @param notes further auxiliary texts with their stacks ({@code Block was alloc'd at})
 * @param suppression the suppression valgrind generated for it ({@code --gen-suppressions}), or null
 * @param unique the XML {@code <unique>} id, or null
 * @param thread the XML {@code <tid>}, or null
 */
public record MemcheckError(
        String kind,
        String what,
        long count,
        List<StackFrame> stack,
        String auxiliary,
        List<StackFrame> auxiliaryStack,
        List<ErrorNote> notes,
        String suppression,
        Long unique,
        Integer thread) {

    public MemcheckError {
        requireNonNull(kind, "kind is null");
        requireNonNull(what, "what is null");
        stack = List.copyOf(stack);
        auxiliaryStack = List.copyOf(auxiliaryStack);
        notes = List.copyOf(notes);
    }
}
