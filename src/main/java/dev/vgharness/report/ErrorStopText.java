package dev.vgharness.report;

import dev.vgharness.memcheck.MemcheckError;
import dev.vgharness.result.FrameLocals;
import dev.vgharness.result.StopResult;
import java.util.List;

/** The words for a stop at a Memcheck error, shared by the text summary, JUnit and HTML. */
final class ErrorStopText {

    private ErrorStopText() {
    }

    /** {@code InvalidWrite copy_name (names.c:31): cap = 16, i = 16}: the error, where, the first frame's locals. */
    static String line(StopResult stop) {
        String kind = stop.error() == null ? "error" : stop.error().kind();
        String locals = stop.locals().isEmpty() ? "" : stop.locals().get(0).describe();
        return kind + " " + where(stop) + (locals.isEmpty() ? "" : ": " + locals);
    }

    /** {@code copy_name (names.c:31)}, as Valgrind writes a frame. */
    private static String where(StopResult stop) {
        if (stop.frame() == null) {
            return "?";
        }
        String file = stop.frame().file() == null ? "" : " (" + stop.frame().file()
                + (stop.frame().line() == null ? "" : ":" + stop.frame().line()) + ")";
        return stop.frame().function() + file;
    }

    /** The error as Valgrind told it, then each own frame with its variables, one per line. */
    static String details(StopResult stop) {
        StringBuilder text = new StringBuilder();
        MemcheckError e = stop.error();
        if (e != null) {
            text.append(e.kind()).append(": ").append(e.what()).append('\n');
        }
        for (FrameLocals frame : stop.locals()) {
            text.append("#").append(frame.frame()).append(' ').append(frame.function());
            if (frame.file() != null) {
                text.append(" (").append(frame.file()).append(frame.line() == null ? "" : ":" + frame.line())
                        .append(')');
            }
            text.append('\n');
            variables(frame.variables(), text);
        }
        return text.toString();
    }

    private static void variables(List<FrameLocals.Variable> variables, StringBuilder text) {
        for (FrameLocals.Variable v : variables) {
            text.append("    ").append(v.type()).append(' ').append(v.name())
                    .append(v.value() == null ? "" : " = " + v.value()).append('\n');
        }
    }
}
