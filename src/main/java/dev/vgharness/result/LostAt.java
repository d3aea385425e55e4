package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.StackFrame;
import java.util.List;

/**
 * Where a leaked block was lost ({@code lost_at}): the line at which the last pointer to it disappeared, found by
 * following the block in a second run ({@code find_lost}).
 *
 * @param function the function of that line
 * @param file the source file, or null without debug information
 * @param line the source line, or null without debug information
 * @param backtrace the stack at that moment, innermost first
 * @param how what made the last pointer disappear
 * @param heldBy the last place that held a pointer to the block: {@code global registry},
 *     {@code local line in parse_header}, {@code inside the 16-byte block allocated at queue_push (lost.c:31)}
 */
public record LostAt(String function, String file, Integer line, List<StackFrame> backtrace, LostHow how,
        String heldBy) {

    public LostAt {
        requireNonNull(function, "function is null");
        requireNonNull(how, "how is null");
        requireNonNull(heldBy, "heldBy is null");
        backtrace = List.copyOf(backtrace);
    }

    /** {@code session_close (server.c:88)}, or the bare function without a line. */
    public String place() {
        return file == null || line == null ? function : function + " (" + fileName() + ":" + line + ")";
    }

    /** {@code lost at session_close (server.c:88): conn->buf overwritten}. */
    public String sentence() {
        return "lost at " + place() + ": " + heldBy + " " + how.verb();
    }

    private String fileName() {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? file : file.substring(slash + 1);
    }
}
