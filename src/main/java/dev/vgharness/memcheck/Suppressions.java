package dev.vgharness.memcheck;

import static java.util.Objects.requireNonNull;

/**
 * Writes Memcheck suppressions for loss records, in the form valgrind reads with {@code --suppressions=FILE}.
 * <pre>
 * {
 *    known-leak-in-stage
 *    Memcheck:Leak
 *    match-leak-kinds: definite
 *    fun:malloc
 *    fun:stage
 *    fun:main
 * }
 * </pre>
 * Valgrind matches {@code fun:} lines against mangled names, and our frames carry demangled C++ names, so a C++
 * frame (its name has parentheses, {@code ::} or a space) becomes {@code fun:*}, which matches any one function at
 * that place. A frame without a function name becomes {@code obj:OBJECT}, or {@code ...} when the object is unknown.
 */
public final class Suppressions {

    private Suppressions() {
    }

    /** A suppression for this record's kind and whole stack. */
    public static String forLossRecord(LossRecord record, String name) {
        requireNonNull(record, "record is null");
        requireNonNull(name, "name is null");
        StringBuilder text = new StringBuilder();
        text.append("{\n   ").append(name).append("\n   Memcheck:Leak\n   match-leak-kinds: ")
                .append(record.kind().suppressionKind()).append('\n');
        for (StackFrame frame : record.stack()) {
            text.append("   ").append(location(frame)).append('\n');
        }
        return text.append("}\n").toString();
    }

    private static String location(StackFrame frame) {
        if (frame.unknownFunction()) {
            return frame.object() == null || frame.object().equals("???") ? "..." : "obj:" + frame.object();
        }
        String function = frame.function();
        boolean demangledCpp = function.indexOf('(') >= 0 || function.contains("::") || function.indexOf(' ') >= 0;
        return demangledCpp ? "fun:*" : "fun:" + function;
    }
}
